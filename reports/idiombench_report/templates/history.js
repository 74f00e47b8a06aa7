// The history page: pick any benchmark from the select box (type in the box beside it
// to narrow the list, e.g. a variant or "n:1000000"); its chart is shown below. Without
// JavaScript every chart is listed in the page's index instead.
for (const picker of document.querySelectorAll("div.picker")) {
  const select = picker.querySelector("select");
  const filter = picker.querySelector("input");
  const charts = [...document.querySelectorAll(`div.series[data-group="${picker.dataset.group}"]`)];
  const show = () => {
    for (const chart of charts) chart.hidden = chart.id !== select.value;
  };
  filter.addEventListener("input", () => {
    const needle = filter.value.toLowerCase();
    let first = null;
    for (const option of select.options) {
      option.hidden = needle !== "" && !option.textContent.toLowerCase().includes(needle);
      if (!option.hidden && first === null) first = option;
    }
    if (first !== null && select.selectedOptions[0]?.hidden) {
      select.value = first.value;
      show();
    }
  });
  select.addEventListener("change", show);
  picker.hidden = false;
  show();
}
