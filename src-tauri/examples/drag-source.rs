//! A drag source for the end-to-end tests, standing in for a file manager: a
//! small window whose label can be dragged onto another app, carrying the
//! files named on the command line as a `text/uri-list`. It quits when the
//! drag ends.
//!
//!     drag-source X Y FILE…      (the window's top-left corner, then the files)

#[cfg(target_os = "linux")]
fn main() {
    use gtk::prelude::*;

    let mut args = std::env::args().skip(1);
    let x: i32 = args.next().and_then(|a| a.parse().ok()).unwrap_or(0);
    let y: i32 = args.next().and_then(|a| a.parse().ok()).unwrap_or(0);
    let uris: Vec<String> = args
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .filter_map(|p| gtk::glib::filename_to_uri(&p, None).ok())
        .map(|u| u.to_string())
        .collect();
    if uris.is_empty() || gtk::init().is_err() {
        std::process::exit(2);
    }
    let window = gtk::Window::new(gtk::WindowType::Toplevel);
    window.set_title("Badgesmith drag source");
    window.set_default_size(180, 180);
    window.move_(x, y);
    let area = gtk::EventBox::new();
    area.add(&gtk::Label::new(Some("Drag these badges")));
    let targets = [gtk::TargetEntry::new(
        "text/uri-list",
        gtk::TargetFlags::OTHER_APP,
        0,
    )];
    area.drag_source_set(
        gtk::gdk::ModifierType::BUTTON1_MASK,
        &targets,
        gtk::gdk::DragAction::COPY,
    );
    area.connect_drag_data_get(move |_, _, data, _, _| {
        let refs: Vec<&str> = uris.iter().map(String::as_str).collect();
        data.set_uris(&refs);
    });
    area.connect_drag_end(|_, _| gtk::main_quit());
    window.add(&area);
    window.connect_destroy(|_| gtk::main_quit());
    window.show_all();
    gtk::main();
}

#[cfg(not(target_os = "linux"))]
fn main() {}
