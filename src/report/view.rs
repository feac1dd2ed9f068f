//! The half-year report as templates and JSON see it. Counts of people below 3 are shown as
//! "< 3" (unless `privacy.small_numbers = false`), so a report shown to unit leaders cannot
//! single anyone out — in the tables, the charts (a hidden bar has a fixed length) and JSON.

use serde::Serialize;
use serde_json::{Value, json};

use super::figures::Figures;
use crate::lang::Lang;
use crate::model::Config;
use crate::tiltak::search::fold;

/// What a count of fewer than this many people is hidden as.
pub const SMALL: usize = 3;

/// A count of people as shown: the number, or "< 3".
pub fn people(n: usize, hide: bool) -> Value {
    if hide && (1..SMALL).contains(&n) { json!("< 3") } else { json!(n) }
}

/// The figures as JSON, with counts of people hidden where small.
pub fn figures_json(f: &Figures, hide: bool) -> Value {
    let pairs = |v: &[(String, usize)], mask: bool| -> Value {
        Value::Array(
            v.iter().map(|(k, n)| json!([k, if mask { people(*n, hide) } else { json!(n) }])).collect(),
        )
    };
    json!({
        "half": f.half,
        "cases": people(f.cases, hide),
        "referred": people(f.referred, hide),
        "discussed": people(f.discussed, hide),
        "by_way": pairs(&f.by_way, true),
        "by_unit": pairs(&f.by_unit, true),
        "by_age": pairs(&f.by_age, true),
        "by_month": pairs(&f.by_month, true),
        "anonymous": people(f.anonymous, hide),
        "anonymous_share": share_shown(f.anonymous, f.cases, hide),
        "bti": people(f.bti, hide),
        "level2": people(f.level2, hide),
        "proposed": f.proposed,
        "proposed_by_unit": pairs(&f.proposed_by_unit, false),
        "accepted": f.accepted,
        "days_median": f.days_median,
        "days_max": f.days_max,
        "meetings_planned": f.meetings_planned,
        "meetings_held": f.meetings_held,
        "meetings_cancelled": f.meetings_cancelled,
        "cases_per_meeting": f.cases_per_meeting.map(|x| (x * 10.0).round() / 10.0),
        "capacity": f.capacity,
        "waiting_decision": people(f.waiting_decision, hide),
        "in_follow_up": people(f.in_follow_up, hide),
    })
}

fn share(part: usize, whole: usize) -> Option<u32> {
    (whole > 0).then(|| ((part as f64 / whole as f64) * 100.0).round() as u32)
}

/// A share in percent, hidden together with its count: "22 %" of 9 would give away a "< 3".
fn share_shown(part: usize, whole: usize, hide: bool) -> Value {
    if hide && (1..SMALL).contains(&part) {
        return json!("< 3");
    }
    share(part, whole).map_or(Value::Null, |s| json!(s))
}

/// A decimal figure as a reader writes it: `14`, `14,5` (Norwegian) or `14.5`.
fn decimal(x: Option<f64>, lang: Lang) -> Value {
    match x {
        None => Value::Null,
        Some(x) if x.fract() == 0.0 => json!(x as i64),
        Some(x) => {
            let text = format!("{:.1}", (x * 10.0).round() / 10.0);
            json!(if lang == Lang::Nb { text.replace('.', ",") } else { text })
        }
    }
}

/// One line of a table: a label, this half-year's figure and the previous one's.
#[derive(Serialize, Debug)]
pub struct Row {
    pub label: String,
    pub now: Value,
    pub before: Value,
}

/// One bar of a chart; coordinates are in the SVG's units.
#[derive(Serialize, Debug)]
pub struct Bar {
    pub label: String,
    pub value: String,
    pub y: u32,
    pub width: u32,
    pub masked: bool,
}

/// A horizontal bar chart.
#[derive(Serialize, Debug)]
pub struct Chart {
    pub title: String,
    pub height: u32,
    pub bars: Vec<Bar>,
}

/// The team's own answers to the four pattern questions (R12).
#[derive(Serialize, Debug, Default, PartialEq, Eq)]
pub struct Notes {
    pub good: String,
    pub why: String,
    pub better: String,
    pub how: String,
}

/// Reads the team's notes: the text under each of the four questions, which may stand as
/// lines of their own (with or without `#`), in Norwegian or English.
pub fn parse_notes(text: &str) -> Notes {
    let mut notes = Notes::default();
    let mut lines: Vec<(usize, String)> = Vec::new();
    let mut which: Option<usize> = None;
    for line in text.lines() {
        let key = fold(line.trim().trim_start_matches('#').trim());
        let heading = match key.as_str() {
            "hva har vaert bra?" | "hva har vaert bra" | "what has been good?" | "what has been good" => {
                Some(0)
            }
            "hvorfor?" | "hvorfor" | "why?" | "why" => Some(1),
            "hva kan bli bedre?" | "hva kan bli bedre" | "what can be better?" | "what can be better" => {
                Some(2)
            }
            "hvordan?" | "hvordan" | "how?" | "how" => Some(3),
            _ => None,
        };
        match heading {
            Some(h) => which = Some(h),
            None => {
                if let Some(h) = which {
                    lines.push((h, line.to_string()));
                }
            }
        }
    }
    for (i, field) in
        [&mut notes.good, &mut notes.why, &mut notes.better, &mut notes.how].into_iter().enumerate()
    {
        let text: Vec<&str> = lines.iter().filter(|(h, _)| *h == i).map(|(_, l)| l.as_str()).collect();
        *field = text.join("\n").trim().to_string();
    }
    notes
}

/// The whole report, as templates see it.
#[derive(Serialize, Debug)]
pub struct ReportView {
    pub lang: &'static str,
    pub team: String,
    pub half: String,
    pub half_label: String,
    pub previous_half: String,
    pub generated: String,
    pub small_numbers: bool,
    pub key: Vec<Row>,
    pub by_way: Vec<Row>,
    pub by_unit: Vec<Row>,
    pub by_age: Vec<Row>,
    pub by_month: Vec<Row>,
    pub proposed_by_unit: Vec<Row>,
    pub charts: Vec<Chart>,
    pub notes: Notes,
    /// The figures themselves (hidden where small), for templates that want them all.
    pub current: Value,
    pub previous: Value,
}

/// The month of a `YYYY-MM` key.
fn month_name(key: &str, lang: Lang) -> String {
    let m: usize = key.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
    crate::render::dates::month(m.saturating_sub(1), lang).to_string()
}

fn chart(title: String, bars: &[(String, usize)], masked_small: bool) -> Chart {
    const ROW: u32 = 24;
    const WIDTH: f64 = 300.0;
    let max = bars.iter().map(|(_, n)| *n).max().unwrap_or(0).max(SMALL) as f64;
    let bars = bars
        .iter()
        .enumerate()
        .map(|(i, (label, n))| {
            let masked = masked_small && (1..SMALL).contains(n);
            // A hidden count is drawn as long as the threshold, never as itself.
            let shown = if masked { SMALL } else { *n };
            Bar {
                label: label.clone(),
                value: if masked { "< 3".into() } else { n.to_string() },
                y: i as u32 * ROW,
                width: ((shown as f64 / max) * WIDTH).round() as u32,
                masked,
            }
        })
        .collect::<Vec<_>>();
    Chart { title, height: bars.len() as u32 * ROW, bars }
}

/// Builds the report's view from this half-year's and the previous one's figures.
pub fn view(
    now: &Figures,
    before: &Figures,
    config: &Config,
    notes: Notes,
    generated: String,
    lang: Lang,
) -> ReportView {
    let hide = config.small_numbers;
    let p = |n: usize| people(n, hide);
    // A figure that does not exist (no median without cases) reads as a dash.
    let dash = |v: Value| if v.is_null() { json!("–") } else { v };
    let row =
        |label: &str, a: Value, b: Value| Row { label: label.to_string(), now: dash(a), before: dash(b) };
    let opt = |x: Option<f64>| decimal(x, lang);
    let pct = |part: usize, whole: usize| match share_shown(part, whole, hide) {
        Value::Number(n) => json!(format!("{n} %")),
        other => other,
    };
    let key = vec![
        row(
            lang.pick("Saker i alt (meldt eller drøftet)", "Cases in all (referred or discussed)"),
            p(now.cases),
            p(before.cases),
        ),
        row(lang.pick("Meldt", "Referred"), p(now.referred), p(before.referred)),
        row(lang.pick("Drøftet", "Discussed"), p(now.discussed), p(before.discussed)),
        row(lang.pick("Anonyme", "Anonymous"), p(now.anonymous), p(before.anonymous)),
        row(
            lang.pick("Andel anonyme", "Share anonymous"),
            pct(now.anonymous, now.cases),
            pct(before.anonymous, before.cases),
        ),
        row(lang.pick("BTI-saker", "BTI cases"), p(now.bti), p(before.bti)),
        row(
            lang.pick("… løftet til instansmøte (nivå 2)", "… lifted to level 2"),
            p(now.level2),
            p(before.level2),
        ),
        row(lang.pick("Tiltak foreslått", "Measures proposed"), json!(now.proposed), json!(before.proposed)),
        row(
            lang.pick("… takket ja til av brukerne", "… accepted by the users"),
            json!(now.accepted),
            json!(before.accepted),
        ),
        row(
            lang.pick("Dager fra melding til møte, median", "Days from referral to meeting, median"),
            opt(now.days_median),
            opt(before.days_median),
        ),
        row(
            lang.pick("Dager fra melding til møte, lengst", "Days from referral to meeting, longest"),
            json!(now.days_max),
            json!(before.days_max),
        ),
        row(
            lang.pick("Møter planlagt", "Meetings planned"),
            json!(now.meetings_planned),
            json!(before.meetings_planned),
        ),
        row(lang.pick("Møter holdt", "Meetings held"), json!(now.meetings_held), json!(before.meetings_held)),
        row(
            lang.pick("Møter avlyst", "Meetings cancelled"),
            json!(now.meetings_cancelled),
            json!(before.meetings_cancelled),
        ),
        row(
            &lang.pick(
                format!("Saker per møte (plass til {})", now.capacity),
                format!("Cases per meeting (room for {})", now.capacity),
            ),
            opt(now.cases_per_meeting),
            opt(before.cases_per_meeting),
        ),
        row(
            lang.pick("Venter på brukerens beslutning", "Waiting for the user's decision"),
            p(now.waiting_decision),
            p(before.waiting_decision),
        ),
        row(lang.pick("I oppfølging", "In follow-up"), p(now.in_follow_up), p(before.in_follow_up)),
    ];
    let rows = |a: &[(String, usize)],
                b: &[(String, usize)],
                label: &dyn Fn(&str) -> String,
                mask: bool|
     -> Vec<Row> {
        a.iter()
            .map(|(k, n)| {
                let before = b.iter().find(|(kb, _)| kb == k).map_or(0, |(_, n)| *n);
                let show = |x: usize| if mask { p(x) } else { json!(x) };
                Row { label: label(k), now: show(*n), before: show(before) }
            })
            .collect()
    };
    let way_label =
        |k: &str| crate::model::WayIn::parse(k).map_or(k.to_string(), |w| w.label(lang).to_string());
    let unit_label = |k: &str| config.unit_name(k).to_string();
    let age_label = |k: &str| {
        if k == "unknown" {
            lang.pick("ukjent", "unknown").to_string()
        } else {
            lang.pick(format!("{k} år"), k.to_string())
        }
    };
    let month_label = |k: &str| month_name(k, lang);
    let named = |v: &[(String, usize)], f: &dyn Fn(&str) -> String| -> Vec<(String, usize)> {
        v.iter().map(|(k, n)| (f(k), *n)).collect()
    };
    let charts = vec![
        chart(
            lang.pick("Saker etter vei inn", "Cases by way in").into(),
            &named(&now.by_way, &way_label),
            hide,
        ),
        chart(
            lang.pick("Saker etter enhet som meldte", "Cases by referring unit").into(),
            &named(&now.by_unit, &unit_label),
            hide,
        ),
        chart(
            lang.pick("Saker meldt per måned", "Cases referred per month").into(),
            &named(&now.by_month, &month_label),
            hide,
        ),
        chart(
            lang.pick("Tiltak foreslått og takket ja til", "Measures proposed and accepted").into(),
            &[
                (lang.pick("Foreslått", "Proposed").into(), now.proposed),
                (lang.pick("Takket ja til", "Accepted").into(), now.accepted),
            ],
            false,
        ),
    ];
    let half = crate::model::dates::Half::parse(&now.half)
        .unwrap_or(crate::model::dates::Half { year: 2000, part: 1 });
    ReportView {
        lang: lang.code(),
        team: config.team.clone(),
        half: now.half.clone(),
        half_label: match (half.part, lang) {
            (1, Lang::Nb) => format!("januar–juni {}", half.year),
            (_, Lang::Nb) => format!("juli–desember {}", half.year),
            (1, Lang::En) => format!("January–June {}", half.year),
            (_, Lang::En) => format!("July–December {}", half.year),
        },
        previous_half: before.half.clone(),
        generated,
        small_numbers: hide,
        key,
        by_way: rows(&now.by_way, &before.by_way, &way_label, true),
        by_unit: rows(&now.by_unit, &before.by_unit, &unit_label, true),
        by_age: rows(&now.by_age, &before.by_age, &age_label, true),
        by_month: rows(&now.by_month, &before.by_month, &month_label, true),
        proposed_by_unit: rows(&now.proposed_by_unit, &before.proposed_by_unit, &unit_label, false),
        charts,
        notes,
        current: figures_json(now, hide),
        previous: figures_json(before, hide),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_counts_of_people_are_hidden() {
        assert_eq!(people(0, true), json!(0));
        assert_eq!(people(1, true), json!("< 3"));
        assert_eq!(people(2, true), json!("< 3"));
        assert_eq!(people(3, true), json!(3));
        assert_eq!(people(2, false), json!(2));
    }

    #[test]
    fn a_share_is_hidden_with_its_count_and_decimals_read_well() {
        assert_eq!(share_shown(2, 9, true), json!("< 3"));
        assert_eq!(share_shown(2, 9, false), json!(22));
        assert_eq!(share_shown(3, 9, true), json!(33));
        assert_eq!(share_shown(0, 0, true), Value::Null);
        assert_eq!(decimal(Some(14.0), Lang::Nb), json!(14));
        assert_eq!(decimal(Some(14.5), Lang::Nb), json!("14,5"));
        assert_eq!(decimal(Some(2.25), Lang::En), json!("2.3"));
    }

    #[test]
    fn a_hidden_bar_never_shows_its_length() {
        let c = chart("t".into(), &[("a".into(), 1), ("b".into(), 2), ("c".into(), 6)], true);
        assert_eq!(c.bars[0].width, c.bars[1].width, "1 and 2 look the same");
        assert!(c.bars[0].masked && c.bars[0].value == "< 3");
        assert_eq!(c.bars[2].width, 300);
    }

    #[test]
    fn notes_under_the_four_questions() {
        let text = "Halvårsevaluering\n\n## Hva har vært bra?\nGod oppmøte.\nKorte saker.\n# Hvorfor?\nFaste tider.\nHva kan bli bedre?\n\nHvordan?\nSende innkalling tidligere.\n";
        let n = parse_notes(text);
        assert_eq!(n.good, "God oppmøte.\nKorte saker.");
        assert_eq!(n.why, "Faste tider.");
        assert_eq!(n.better, "");
        assert_eq!(n.how, "Sende innkalling tidligere.");
    }
}
