// An article's text with its evidence spans marked. Spans overlap (a sentence and the
// actor name inside it), so the text is cut at every span boundary and each piece is
// marked by the spans covering it: "selected" when one of them is the open event's.
import { el } from "./util.js";

export function highlighted(article, focus) {
  const text = article.text || "";
  const spans = (article.evidence || []).filter((s) =>
    s.start >= 0 && s.end > s.start && s.end <= text.length);
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])]
    .sort((a, b) => a - b);
  const box = el("div", { class: "article", "data-article": article.article_id });
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    const piece = text.slice(a, b);
    if (!covering.length) { box.append(piece); continue; }
    const mine = covering.filter((s) => s.event_id === focus);
    const fields = [...new Set((mine.length ? mine : covering).map((s) => s.field))];
    box.append(el("mark", { class: mine.length ? "selected" : null, "data-start": a,
      "data-end": b, title: (mine.length ? "this event: " : "another event: ") +
      fields.join(", ") }, piece));
  }
  return box;
}

// Bring the evidence ``ev`` into view inside its article and flash it.
export function scrollToEvidence(ev) {
  const box = document.querySelector(`.article[data-article="${CSS.escape(ev.article_id)}"]`);
  if (!box) return;
  const marks = [...box.querySelectorAll("mark")].filter((m) =>
    Number(m.dataset.start) < ev.end && Number(m.dataset.end) > ev.start);
  if (!marks.length) return;
  marks[0].scrollIntoView({ block: "center", behavior: "smooth" });
  for (const m of marks) {
    m.classList.remove("flash");
    void m.getBoundingClientRect();  // restart the animation
    m.classList.add("flash");
  }
}
