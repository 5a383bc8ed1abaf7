import "./lib/theme/theme.css";
import { mount } from "svelte";
import App from "./app/App.svelte";
import { createBackend } from "./lib/ipc";

const target = document.getElementById("app");
if (!target) throw new Error("index.html has no #app element");

void createBackend().then((backend) => mount(App, { target, props: { backend } }));
