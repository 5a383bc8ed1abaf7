//! The bundled fonts: the only fonts the renderer ever sees.
//!
//! Ten SIL Open Font License families, each in regular (400) and bold (700),
//! embedded byte for byte; their licences are in `assets/fonts/*/OFL.txt` and
//! their sources in `assets/fonts/SOURCES.md`. System fonts are never loaded,
//! so a design renders the same on every machine.

use std::sync::{Arc, OnceLock};

use base64::Engine as _;
use resvg::usvg::fontdb;

/// One bundled font family.
#[derive(Debug)]
pub struct Family {
    /// The family name, as designs and SVG `font-family` write it.
    pub name: &'static str,
    /// sans-serif, serif, condensed, rounded or display.
    pub category: &'static str,
    /// What the family suits, in a few words.
    pub description: &'static str,
    regular: &'static [u8],
    bold: &'static [u8],
}

impl Family {
    /// True for the weights the family comes in (400 and 700).
    pub fn has_weight(&self, weight: u16) -> bool {
        weight == 400 || weight == 700
    }

    /// The TrueType file for a weight (bold for 700, regular otherwise).
    pub fn file(&self, weight: u16) -> &'static [u8] {
        if weight == 700 {
            self.bold
        } else {
            self.regular
        }
    }
}

static FAMILIES: [Family; 10] = [
    Family {
        name: "Inter",
        category: "sans-serif",
        description: "Clean, highly legible sans for companies, tech skills and small print",
        regular: include_bytes!("../assets/fonts/inter/Inter-Regular.ttf"),
        bold: include_bytes!("../assets/fonts/inter/Inter-Bold.ttf"),
    },
    Family {
        name: "Montserrat",
        category: "sans-serif",
        description: "Geometric sans with wide capitals for bold, modern badge titles",
        regular: include_bytes!("../assets/fonts/montserrat/Montserrat-Regular.ttf"),
        bold: include_bytes!("../assets/fonts/montserrat/Montserrat-Bold.ttf"),
    },
    Family {
        name: "Oswald",
        category: "condensed",
        description: "Condensed gothic that fits long titles; sports teams and banners",
        regular: include_bytes!("../assets/fonts/oswald/Oswald-Regular.ttf"),
        bold: include_bytes!("../assets/fonts/oswald/Oswald-Bold.ttf"),
    },
    Family {
        name: "Merriweather",
        category: "serif",
        description: "Sturdy, readable serif for schools, courses and academic credentials",
        regular: include_bytes!("../assets/fonts/merriweather/Merriweather-Regular.ttf"),
        bold: include_bytes!("../assets/fonts/merriweather/Merriweather-Bold.ttf"),
    },
    Family {
        name: "Playfair Display",
        category: "serif",
        description: "Elegant high-contrast serif for certificates and awards",
        regular: include_bytes!("../assets/fonts/playfair-display/PlayfairDisplay-Regular.ttf"),
        bold: include_bytes!("../assets/fonts/playfair-display/PlayfairDisplay-Bold.ttf"),
    },
    Family {
        name: "Nunito",
        category: "rounded",
        description: "Friendly rounded sans for youth groups, clubs and volunteering",
        regular: include_bytes!("../assets/fonts/nunito/Nunito-Regular.ttf"),
        bold: include_bytes!("../assets/fonts/nunito/Nunito-Bold.ttf"),
    },
    Family {
        name: "Lato",
        category: "sans-serif",
        description: "Warm, neutral humanist sans for organisations and everyday badges",
        regular: include_bytes!("../assets/fonts/lato/Lato-Regular.ttf"),
        bold: include_bytes!("../assets/fonts/lato/Lato-Bold.ttf"),
    },
    Family {
        name: "Cinzel",
        category: "display",
        description: "Classical Roman capitals (caps only) for honours and ceremonial badges",
        regular: include_bytes!("../assets/fonts/cinzel/Cinzel-Regular.ttf"),
        bold: include_bytes!("../assets/fonts/cinzel/Cinzel-Bold.ttf"),
    },
    Family {
        name: "Fredoka",
        category: "rounded",
        description: "Playful, chunky rounded letters for children, games and fun achievements",
        regular: include_bytes!("../assets/fonts/fredoka/Fredoka-Regular.ttf"),
        bold: include_bytes!("../assets/fonts/fredoka/Fredoka-Bold.ttf"),
    },
    Family {
        name: "Raleway",
        category: "sans-serif",
        description: "Stylish sans with elegant capitals for arts, events and headings",
        regular: include_bytes!("../assets/fonts/raleway/Raleway-Regular.ttf"),
        bold: include_bytes!("../assets/fonts/raleway/Raleway-Bold.ttf"),
    },
];

/// Every bundled family, in the order pickers show them.
pub fn families() -> &'static [Family] {
    &FAMILIES
}

/// The family with this name (exact, as designs write it).
pub fn family(name: &str) -> Option<&'static Family> {
    FAMILIES.iter().find(|f| f.name == name)
}

/// The font database the renderer uses: the bundled fonts and nothing else.
pub(crate) fn database() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        for f in &FAMILIES {
            for data in [f.regular, f.bold] {
                db.load_font_source(fontdb::Source::Binary(Arc::new(data)));
            }
        }
        db.set_sans_serif_family("Inter");
        db.set_serif_family("Merriweather");
        db.set_cursive_family("Fredoka");
        db.set_fantasy_family("Cinzel");
        db.set_monospace_family("Inter");
        Arc::new(db)
    })
    .clone()
}

/// `@font-face` rules embedding the given (family, weight) pairs as data URIs,
/// for SVG that keeps live text.
pub(crate) fn font_face_css(used: &[(String, u16)]) -> String {
    let mut css = String::new();
    for (name, weight) in used {
        if let Some(f) = family(name) {
            let data = base64::engine::general_purpose::STANDARD.encode(f.file(*weight));
            css.push_str(&format!(
                "@font-face{{font-family:'{}';font-weight:{};src:url(data:font/ttf;base64,{})format('truetype');}}",
                f.name, weight, data
            ));
        }
    }
    css
}
