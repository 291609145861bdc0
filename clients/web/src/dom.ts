// A small element builder: h("button", {class: "x", onclick: f}, "text", child).
type Attrs = Record<string, unknown>;
type Child = Node | string | number | null | undefined | false | Child[];

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      el.addEventListener(name.slice(2), value as EventListener);
    } else if (name === "value" && "value" in el) {
      (el as HTMLInputElement).value = String(value);
    } else if (name === "checked" && "checked" in el) {
      (el as HTMLInputElement).checked = Boolean(value);
    } else {
      el.setAttribute(name, value === true ? "" : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.appendChild(typeof c === "object" ? c : document.createTextNode(String(c)));
  }
}

let uid = 0;
export function nextId(prefix: string): string {
  return `${prefix}-${++uid}`;
}

// A labelled form field with a slot for the server's message about it: the message is
// tied to the control with aria-describedby and role=alert, next to the field.
export interface Field {
  wrap: HTMLElement;
  error: HTMLElement;
  setError(message: string): void;
}
export function field(labelText: string, control: HTMLElement, opts: { help?: string; name: string }): Field {
  const id = control.id || nextId("f");
  control.id = id;
  const errorId = `${id}-error`;
  const helpId = `${id}-help`;
  const error = h("p", { class: "field-error", id: errorId, "data-field-error": opts.name, role: "alert" });
  const described = [errorId, opts.help ? helpId : ""].filter(Boolean).join(" ");
  if (!control.querySelector("input") || control.tagName === "INPUT") control.setAttribute("aria-describedby", described);
  const wrap = h(
    "div",
    { class: "field", "data-field": opts.name },
    h("label", { for: id }, labelText),
    control,
    opts.help ? h("p", { class: "help", id: helpId }, opts.help) : null,
    error,
  );
  return {
    wrap,
    error,
    setError(message: string) {
      error.textContent = message;
      wrap.classList.toggle("invalid", message !== "");
      control.setAttribute("aria-invalid", message ? "true" : "false");
    },
  };
}

export function fmt(n: number, digits = 3): string {
  return n.toFixed(digits);
}

// Replaces the children of `el` (skipping null/false, flattening arrays).
export function set(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}
