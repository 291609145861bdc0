// A skill list input with autocomplete from the server's lexicon (LexiconService.
// LookupSkills): an ARIA combobox. Chosen skills are chips; a suggestion adds its code,
// Enter on typed text adds the text as typed (the server resolves names and synonyms,
// and names the entry it cannot resolve).
import { api } from "./api";
import { h, nextId } from "./dom";
import { getLang, t } from "./i18n";
import type { SkillEntry } from "./gen/cakap/v1/lexicon_pb";

export interface SkillInput {
  root: HTMLElement;
  input: HTMLInputElement;
  values(): string[];
  set(values: string[]): void;
  onChange: () => void;
}

export function skillInput(name: string): SkillInput {
  const listId = nextId("skills-list");
  const input = h("input", {
    type: "text",
    role: "combobox",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": listId,
    autocomplete: "off",
    "data-skill-input": name,
  });
  const chips = h("ul", { class: "chips", "aria-label": t("skills") });
  const list = h("ul", { class: "suggestions", id: listId, role: "listbox", hidden: true });
  const root = h("div", { class: "skill-input" }, chips, input, list);
  let values: string[] = [];
  let suggestions: SkillEntry[] = [];
  let active = -1;
  let seq = 0;

  const self: SkillInput = {
    root,
    input,
    values: () => [...values],
    set(next: string[]) {
      values = [...next];
      renderChips();
    },
    onChange: () => {},
  };

  function renderChips() {
    chips.replaceChildren(
      ...values.map((v, i) =>
        h(
          "li",
          { class: "chip" },
          h("span", {}, v),
          h(
            "button",
            {
              type: "button",
              "aria-label": `${t("removeSkill")} ${v}`,
              onclick: () => {
                values.splice(i, 1);
                renderChips();
                self.onChange();
                input.focus();
              },
            },
            "×",
          ),
        ),
      ),
    );
  }

  function add(value: string) {
    const v = value.trim();
    if (v && !values.includes(v)) values.push(v);
    input.value = "";
    close();
    renderChips();
    self.onChange();
  }

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function renderList() {
    if (suggestions.length === 0) return close();
    list.replaceChildren(
      ...suggestions.map((s, i) =>
        h(
          "li",
          {
            id: `${listId}-${i}`,
            role: "option",
            "aria-selected": i === active ? "true" : "false",
            "data-code": s.code,
            onmousedown: (e: Event) => {
              e.preventDefault();
              add(s.code);
            },
          },
          h("strong", {}, s.code),
          " ",
          getLang() === "en" ? s.nameEn : s.nameId,
          s.matched && s.matched.toLowerCase() !== s.code.toLowerCase() ? h("small", {}, ` (${s.matched})`) : null,
        ),
      ),
    );
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    if (active >= 0) input.setAttribute("aria-activedescendant", `${listId}-${active}`);
  }

  // One lookup per pause in typing (partner keys are rate-limited, 20 requests/s by
  // default), and only the latest query's answer is shown.
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => void lookup(), 120);
  });
  async function lookup() {
    const q = input.value.trim();
    const mine = ++seq;
    if (q.length < 2) {
      suggestions = [];
      return close();
    }
    try {
      const r = await api.lexicon.lookupSkills({ query: q, limit: 8 });
      if (mine !== seq) return;
      suggestions = r.skills;
      active = -1;
      renderList();
    } catch {
      if (mine === seq) close();
    }
  }
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" && suggestions.length) {
      e.preventDefault();
      active = (active + 1) % suggestions.length;
      renderList();
    } else if (e.key === "ArrowUp" && suggestions.length) {
      e.preventDefault();
      active = (active - 1 + suggestions.length) % suggestions.length;
      renderList();
    } else if (e.key === "Enter") {
      if (!list.hidden && active >= 0) {
        e.preventDefault();
        add(suggestions[active].code);
      } else if (input.value.trim()) {
        e.preventDefault();
        add(input.value);
      }
    } else if (e.key === "Escape") {
      close();
    } else if (e.key === "Backspace" && input.value === "" && values.length) {
      values.pop();
      renderChips();
      self.onChange();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
  return self;
}
