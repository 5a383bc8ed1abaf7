import "./lib/theme/theme.css";
import { mount } from "svelte";
import App, { isSectionId } from "./app/App.svelte";
import { createBackend } from "./lib/ipc";

const target = document.getElementById("app");
if (!target) throw new Error("index.html has no #app element");

// `?section=wallet` (or any section's id) opens that section first; the app starts in the Designer otherwise.
const section = new URLSearchParams(window.location.search).get("section");
const start = isSectionId(section) ? section : undefined;

void createBackend().then((backend) => mount(App, { target, props: { backend, ...(start ? { start } : {}) } }));
