// Sortable and filterable tables: click a column heading to sort (again to reverse);
// type in the box above a table to keep the rows that contain the text. Numeric cells
// sort by their data-value. Without JavaScript the tables read as they are.
for (const table of document.querySelectorAll("table.sortable")) {
  const body = table.tBodies[0];
  const filter = document.createElement("input");
  filter.type = "search";
  filter.placeholder = "filter rows…";
  filter.className = "filter";
  filter.addEventListener("input", () => {
    const needle = filter.value.toLowerCase();
    for (const row of body.rows) row.hidden = needle !== "" && !row.textContent.toLowerCase().includes(needle);
  });
  table.before(filter);
  table.tHead.querySelectorAll("th").forEach((th, column) => {
    th.tabIndex = 0;
    th.title = "sort";
    const sort = () => {
      const ascending = th.dataset.order !== "asc";
      table.tHead.querySelectorAll("th").forEach((other) => delete other.dataset.order);
      th.dataset.order = ascending ? "asc" : "desc";
      const key = (row) => {
        const cell = row.cells[column];
        const value = cell.dataset.value;
        return value !== undefined && value !== "" ? parseFloat(value) : cell.textContent.trim().toLowerCase();
      };
      const rows = [...body.rows].sort((a, b) => {
        const x = key(a), y = key(b);
        const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
        return ascending ? order : -order;
      });
      body.append(...rows);
    };
    th.addEventListener("click", sort);
    th.addEventListener("keydown", (event) => { if (event.key === "Enter") sort(); });
  });
}
