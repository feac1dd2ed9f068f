//! The three formats read back: the Markdown's and the HTML's tables (with a small parser of
//! our own), the HTML's bar charts, and the JSON — and whether they tell the same figures.

use serde_json::Value;

/// A table under its heading: the rows without the header row, each a list of cell texts.
pub type Table = (String, Vec<Vec<String>>);

/// The tables of a Markdown report.
pub fn md_tables(md: &str) -> Vec<Table> {
    let mut tables: Vec<Table> = Vec::new();
    let mut heading = String::new();
    let mut in_table = false;
    for line in md.lines() {
        if line.starts_with('#') {
            heading = line.trim_start_matches('#').trim().to_string();
        }
        if !line.starts_with('|') {
            in_table = false;
            continue;
        }
        let cells: Vec<String> =
            line.trim().trim_matches('|').split('|').map(|c| c.trim().to_string()).collect();
        if !in_table {
            in_table = true;
            tables.push((heading.clone(), Vec::new()));
            continue; // the header row
        }
        if cells.iter().all(|c| c.chars().all(|ch| ch == '-' || ch == ':')) {
            continue;
        }
        tables.last_mut().unwrap().1.push(cells);
    }
    tables
}

fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for ch in html.chars() {
        match ch {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The tables of an HTML report, each under the nearest heading before it.
pub fn html_tables(html: &str) -> Vec<Table> {
    let mut tables = Vec::new();
    let mut rest = html;
    let mut heading = String::new();
    loop {
        let next = ["<h2", "<h3", "<table"].iter().filter_map(|t| rest.find(t).map(|i| (i, *t))).min();
        let Some((at, tag)) = next else { break };
        rest = &rest[at..];
        if tag == "<table" {
            let end = rest.find("</table>").unwrap();
            let rows = rest[..end]
                .split("<tr>")
                .skip(1)
                .filter(|tr| !tr.contains("<th"))
                .map(|tr| {
                    tr.split("<td").skip(1).map(|td| text(&format!("<td{td}")).trim().to_string()).collect()
                })
                .collect();
            tables.push((heading.clone(), rows));
            rest = &rest[end..];
        } else {
            let close = if tag == "<h2" { "</h2>" } else { "</h3>" };
            let end = rest.find(close).unwrap();
            heading = text(&rest[..end]).trim().to_string();
            rest = &rest[end..];
        }
    }
    tables
}

/// One bar of an HTML chart: the value written beside it, its width, whether it is hidden.
#[derive(Debug, PartialEq, Eq)]
pub struct Bar {
    pub value: String,
    pub width: u32,
    pub masked: bool,
}

fn attr(tag: &str, name: &str) -> String {
    let start = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
    tag[start..].split('"').next().unwrap().to_string()
}

/// The bars of each chart of an HTML report.
pub fn html_charts(html: &str) -> Vec<Vec<Bar>> {
    html.split("<svg")
        .skip(1)
        .filter(|svg| svg.contains("role=\"img\""))
        .map(|svg| {
            let svg = &svg[..svg.find("</svg>").unwrap()];
            svg.split("<rect")
                .skip(1)
                .map(|r| {
                    let tag = &r[..r.find("/>").unwrap()];
                    let after = &r[r.find("<text").unwrap()..];
                    let value = text(&after[..after.find("</text>").unwrap()]);
                    Bar {
                        value,
                        width: attr(tag, "width").parse().unwrap(),
                        masked: attr(tag, "class") == "masked",
                    }
                })
                .collect()
        })
        .collect()
}

/// The table keys of the report, by the heading over each table (both languages).
pub fn table_key(heading: &str) -> Option<&'static str> {
    let keys = [
        ("Fakta", "key"),
        ("Facts", "key"),
        ("Vei inn", "by_way"),
        ("Way in", "by_way"),
        ("Enhet som meldte", "by_unit"),
        ("Referring unit", "by_unit"),
        ("Alder", "by_age"),
        ("Age", "by_age"),
        ("Meldt per måned", "by_month"),
        ("Referred per month", "by_month"),
        ("Foreslåtte tiltak", "proposed_by_unit"),
        ("Proposed measures", "proposed_by_unit"),
    ];
    keys.iter().find(|(h, _)| heading.starts_with(h)).map(|(_, k)| *k)
}

/// The facts table's rows, in order, by their JSON names.
pub const KEY_ROWS: [&str; 23] = [
    "cases",
    "referred",
    "discussed",
    "anonymous",
    "anonymous_share",
    "anonymised_later",
    "bti",
    "level2",
    "proposed",
    "accepted",
    "days_median",
    "days_max",
    "meetings_planned",
    "meetings_held",
    "meetings_cancelled",
    "cases_per_meeting",
    "waiting_decision",
    "in_follow_up",
    "closed",
    "with_stafettlogg",
    "evaluations_due",
    "evaluations_on_time",
    "followups_ended",
];

/// How a JSON figure reads in a table of the report in this language.
pub fn as_text(key: &str, v: &Value, nb: bool) -> String {
    let share = key == "anonymous_share";
    match v {
        Value::Null => "–".into(),
        Value::String(s) if s == "hidden" => {
            if share || key == "cases_per_meeting" {
                "–".into()
            } else if nb {
                "skjult".into()
            } else {
                "hidden".into()
            }
        }
        Value::Number(n) if share => format!("{n} %"),
        Value::Number(n) => {
            let x = n.as_f64().unwrap();
            let t = if x.fract() == 0.0 { format!("{}", x as i64) } else { n.to_string() };
            if nb { t.replace('.', ",") } else { t }
        }
        other => panic!("{key}: unexpected {other}"),
    }
}

/// What every table of a report should read, from the JSON: per table key, its rows.
pub fn expected(json: &Value, nb: bool) -> Vec<(&'static str, Vec<Vec<String>>)> {
    let (now, before) = (&json["current"], &json["previous"]);
    let mut key_rows: Vec<Vec<String>> =
        KEY_ROWS.iter().map(|k| vec![as_text(k, &now[k], nb), as_text(k, &before[k], nb)]).collect();
    // The follow-ups ended, by reason, close the facts table.
    let reasons = |h: &Value| h["ended_by_reason"].as_array().cloned().unwrap_or_default();
    for (a, b) in reasons(now).iter().zip(reasons(before)) {
        key_rows.push(vec![as_text("ended_by_reason", &a[1], nb), as_text("ended_by_reason", &b[1], nb)]);
    }
    let mut out = vec![("key", key_rows)];
    for table in ["by_way", "by_unit", "by_age", "proposed_by_unit"] {
        let rows = now[table]
            .as_array()
            .unwrap()
            .iter()
            .zip(before[table].as_array().unwrap())
            .map(|(a, b)| vec![as_text(table, &a[1], nb), as_text(table, &b[1], nb)])
            .collect();
        out.push((table, rows));
    }
    let months = now["by_month"]
        .as_array()
        .unwrap()
        .iter()
        .zip(before["by_month"].as_array().unwrap())
        .map(|(a, b)| vec![as_text("by_month", &a[1], nb), as_text("by_month", &b[1], nb)])
        .collect();
    out.push(("by_month", months));
    out
}

/// The figures of a parsed table, without labels: the 2nd and 3rd cells of a row, or the 2nd
/// and 4th of the month table (each half-year's month label beside its count).
pub fn figures_of(key: &str, rows: &[Vec<String>]) -> Vec<Vec<String>> {
    let (a, b) = if key == "by_month" { (1, 3) } else { (1, 2) };
    rows.iter().map(|r| vec![r[a].clone(), r[b].clone()]).collect()
}
