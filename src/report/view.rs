//! The half-year report as the templates see it: the published figures of this half-year and
//! the previous one as table rows and bar charts. Hidden figures arrive as the word "skjult"
//! ("hidden") and a share of a hidden figure as "–", so a template cannot show them by
//! mistake; a hidden bar has one fixed width and no length of its own.

use serde::Serialize;
use serde_json::{Value, json};

use super::disclosure::THRESHOLD;
use super::notes::Notes;
use super::published::{Published, Shown};
use crate::lang::Lang;
use crate::model::Config;
use crate::model::dates::Half;

/// Height of one bar's row, the width of the longest bar, and the one width every hidden
/// bar has, in the SVG's units. A shown count other than zero is at least 3, so while the
/// longest bar stands for at most 37 (a team meeting every third week has fewer cases in a
/// half-year), a bar of 3 is at least twice as wide as a hidden one — which is also hatched
/// and labelled.
pub const BAR_ROW: u32 = 24;
pub const BAR_WIDTH: u32 = 300;
pub const HIDDEN_WIDTH: u32 = 12;

/// One line of a table: a label, this half-year's figure and the previous one's.
#[derive(Serialize, Debug)]
pub struct Row {
    pub label: String,
    pub now: Value,
    pub before: Value,
}

/// One line of the month table: each half-year's own month beside its count.
#[derive(Serialize, Debug)]
pub struct MonthRow {
    pub label: String,
    pub now: Value,
    pub before_label: String,
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
    /// The threshold (3) and the word a hidden figure is shown as.
    pub threshold: u32,
    pub hidden: &'static str,
    pub hidden_width: u32,
    pub key: Vec<Row>,
    pub by_way: Vec<Row>,
    pub by_unit: Vec<Row>,
    pub by_age: Vec<Row>,
    pub by_month: Vec<MonthRow>,
    pub proposed_by_unit: Vec<Row>,
    pub charts: Vec<Chart>,
    pub notes: Notes,
    /// The figures themselves, as in `rt report --format json`.
    pub current: Value,
    pub previous: Value,
}

/// The word a hidden figure is shown as.
pub fn hidden_word(lang: Lang) -> &'static str {
    lang.pick("skjult", "hidden")
}

/// A decimal figure as a reader writes it: `14`, `14,5` (Norwegian) or `14.5`.
fn decimal(x: f64, lang: Lang) -> Value {
    if x.fract() == 0.0 {
        return json!(x as i64);
    }
    let text = format!("{:.1}", (x * 10.0).round() / 10.0);
    json!(if lang == Lang::Nb { text.replace('.', ",") } else { text })
}

/// A count as a table shows it.
fn count(v: Shown<usize>, lang: Lang) -> Value {
    match v {
        Shown::Value(n) => json!(n),
        Shown::Hidden => json!(hidden_word(lang)),
        Shown::Undefined => json!("–"),
    }
}

/// A figure that is not a count of people, or a share: "–" when there is none to show.
fn other(v: Option<Value>) -> Value {
    v.unwrap_or_else(|| json!("–"))
}

fn share(v: Shown<u32>) -> Value {
    other(match v {
        Shown::Value(p) => Some(json!(format!("{p} %"))),
        _ => None,
    })
}

/// The month of a `YYYY-MM` key.
fn month_name(key: &str, lang: Lang) -> String {
    let m: usize = key.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
    crate::render::dates::month(m.saturating_sub(1), lang).to_string()
}

/// A bar chart of shown and hidden counts. The scale comes from the shown counts only (a
/// hidden count must not stretch it), and a hidden bar is drawn at [`HIDDEN_WIDTH`].
pub fn chart(title: String, bars: &[(String, Shown<usize>)], lang: Lang) -> Chart {
    let shown = |v: &Shown<usize>| if let Shown::Value(n) = v { *n } else { 0 };
    let max = bars.iter().map(|(_, v)| shown(v)).max().unwrap_or(0).max(THRESHOLD as usize) as f64;
    let bars = bars
        .iter()
        .enumerate()
        .map(|(i, (label, v))| {
            let masked = !matches!(v, Shown::Value(_));
            Bar {
                label: label.clone(),
                value: if masked { hidden_word(lang).to_string() } else { shown(v).to_string() },
                y: i as u32 * BAR_ROW,
                width: if masked {
                    HIDDEN_WIDTH
                } else {
                    ((shown(v) as f64 / max) * f64::from(BAR_WIDTH)).round() as u32
                },
                masked,
            }
        })
        .collect::<Vec<_>>();
    Chart { title, height: bars.len() as u32 * BAR_ROW, bars }
}

/// Table rows over both half-years: every key of either, this half-year's order first; a key
/// missing from one half-year had no cases there.
fn rows(
    a: &[(String, Shown<usize>)],
    b: &[(String, Shown<usize>)],
    label: &dyn Fn(&str) -> String,
    lang: Lang,
) -> Vec<Row> {
    let mut keys: Vec<&String> = a.iter().map(|(k, _)| k).collect();
    keys.extend(b.iter().map(|(k, _)| k).filter(|k| !a.iter().any(|(ka, _)| ka == *k)));
    let find = |v: &[(String, Shown<usize>)], k: &str| {
        v.iter().find(|(kv, _)| kv == k).map_or(Shown::Value(0), |(_, n)| *n)
    };
    keys.into_iter()
        .map(|k| Row { label: label(k), now: count(find(a, k), lang), before: count(find(b, k), lang) })
        .collect()
}

/// Builds the report's view from this half-year's and the previous one's published figures.
pub fn view(
    now: &Published,
    before: &Published,
    config: &Config,
    notes: Notes,
    generated: String,
    lang: Lang,
) -> ReportView {
    let row = |label: &str, a: Value, b: Value| Row { label: label.to_string(), now: a, before: b };
    let people = |label: &str, f: &dyn Fn(&Published) -> Shown<usize>| {
        row(label, count(f(now), lang), count(f(before), lang))
    };
    let plain =
        |label: &str, f: &dyn Fn(&Published) -> Option<Value>| row(label, other(f(now)), other(f(before)));
    let ratio = |v: Shown<f64>| match v {
        Shown::Value(x) => Some(decimal(x, lang)),
        _ => None,
    };
    let key = vec![
        people(
            lang.pick("Saker i alt (meldt eller drøftet)", "Cases in all (referred or discussed)"),
            &|p| p.cases,
        ),
        people(lang.pick("Meldt", "Referred"), &|p| p.referred),
        people(lang.pick("Drøftet", "Discussed"), &|p| p.discussed),
        people(lang.pick("Anonyme", "Anonymous"), &|p| p.anonymous),
        row(
            lang.pick("Andel anonyme", "Share anonymous"),
            share(now.anonymous_share),
            share(before.anonymous_share),
        ),
        people(
            lang.pick("Anonymisert senere (samtykket falt bort)", "Anonymised later (consent lapsed)"),
            &|p| p.anonymised_later,
        ),
        people(lang.pick("BTI-saker", "BTI cases"), &|p| p.bti),
        people(lang.pick("… løftet til instansmøte (nivå 2)", "… lifted to level 2"), &|p| p.level2),
        people(lang.pick("Tiltak foreslått", "Measures proposed"), &|p| p.proposed),
        people(
            lang.pick(
                "Tiltak brukerne takket ja til (beslutninger i halvåret)",
                "Measures accepted by the users (decisions in the half-year)",
            ),
            &|p| p.accepted,
        ),
        plain(
            lang.pick("Dager fra melding til møte, median", "Days from referral to meeting, median"),
            &|p| p.days_median.map(|x| decimal(x, lang)),
        ),
        plain(
            lang.pick("Dager fra melding til møte, lengst", "Days from referral to meeting, longest"),
            &|p| p.days_max.map(|x| json!(x)),
        ),
        plain(lang.pick("Møter planlagt", "Meetings planned"), &|p| Some(json!(p.meetings_planned))),
        plain(lang.pick("Møter holdt", "Meetings held"), &|p| Some(json!(p.meetings_held))),
        plain(lang.pick("Møter avlyst", "Meetings cancelled"), &|p| Some(json!(p.meetings_cancelled))),
        row(
            &lang.pick(
                format!("Saker per møte (plass til {})", now.capacity),
                format!("Cases per meeting (room for {})", now.capacity),
            ),
            other(ratio(now.cases_per_meeting)),
            other(ratio(before.cases_per_meeting)),
        ),
        people(lang.pick("Venter på brukerens beslutning", "Waiting for the user's decision"), &|p| {
            p.waiting_decision
        }),
        people(lang.pick("I oppfølging", "In follow-up"), &|p| p.in_follow_up),
        people(lang.pick("Avsluttet i halvåret", "Closed in the half-year"), &|p| p.closed),
        people(lang.pick("I oppfølging med stafettlogg", "In follow-up with a stafettlogg"), &|p| {
            p.with_stafettlogg
        }),
        people(lang.pick("Evalueringer av tiltak som forfalt", "Evaluations of measures due"), &|p| {
            p.evaluations_due
        }),
        people(lang.pick("… holdt i tide", "… held on time"), &|p| p.evaluations_on_time),
        people(lang.pick("Oppfølginger avsluttet", "Follow-ups ended"), &|p| p.followups_ended),
    ];
    let mut key = key;
    for (i, (code, _)) in now.ended_by_reason.iter().enumerate() {
        let label = crate::model::EndReason::parse(code).map_or(code.clone(), |r| r.label(lang).to_string());
        let at = |p: &Published| p.ended_by_reason.get(i).map_or(Shown::Value(0), |(_, n)| *n);
        key.push(row(&format!("… {label}"), count(at(now), lang), count(at(before), lang)));
    }
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
    let named = |v: &[(String, Shown<usize>)], f: &dyn Fn(&str) -> String| -> Vec<(String, Shown<usize>)> {
        v.iter().map(|(k, n)| (f(k), *n)).collect()
    };
    let by_month = now
        .by_month
        .iter()
        .zip(&before.by_month)
        .map(|((ka, a), (kb, b))| MonthRow {
            label: month_name(ka, lang),
            now: count(*a, lang),
            before_label: month_name(kb, lang),
            before: count(*b, lang),
        })
        .collect();
    let charts = vec![
        chart(
            lang.pick("Saker etter vei inn", "Cases by way in").into(),
            &named(&now.by_way, &way_label),
            lang,
        ),
        chart(
            lang.pick("Saker etter enhet som meldte", "Cases by referring unit").into(),
            &named(&now.by_unit, &unit_label),
            lang,
        ),
        chart(
            lang.pick("Saker meldt per måned", "Cases referred per month").into(),
            &named(&now.by_month, &|k| month_name(k, lang)),
            lang,
        ),
        chart(
            lang.pick("Tiltak foreslått og takket ja til", "Measures proposed and accepted").into(),
            &[
                (lang.pick("Foreslått", "Proposed").into(), now.proposed),
                (lang.pick("Takket ja til", "Accepted").into(), now.accepted),
            ],
            lang,
        ),
    ];
    let half = Half::parse(&now.half).unwrap_or(Half { year: 2000, part: 1 });
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
        small_numbers: config.small_numbers,
        threshold: THRESHOLD,
        hidden: hidden_word(lang),
        hidden_width: HIDDEN_WIDTH,
        key,
        by_way: rows(&now.by_way, &before.by_way, &way_label, lang),
        by_unit: rows(&now.by_unit, &before.by_unit, &unit_label, lang),
        by_age: rows(&now.by_age, &before.by_age, &age_label, lang),
        by_month,
        proposed_by_unit: rows(&now.proposed_by_unit, &before.proposed_by_unit, &unit_label, lang),
        charts,
        notes,
        current: now.json(),
        previous: before.json(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_read_well_and_shares_of_hidden_counts_are_dashes() {
        assert_eq!(decimal(14.0, Lang::Nb), json!(14));
        assert_eq!(decimal(14.5, Lang::Nb), json!("14,5"));
        assert_eq!(decimal(2.25, Lang::En), json!("2.3"));
        assert_eq!(share(Shown::Value(22)), json!("22 %"));
        assert_eq!(share(Shown::Hidden), json!("–"));
        assert_eq!(share(Shown::Undefined), json!("–"));
        assert_eq!(count(Shown::Hidden, Lang::Nb), json!("skjult"));
        assert_eq!(count(Shown::Hidden, Lang::En), json!("hidden"));
    }

    #[test]
    fn a_hidden_bar_has_one_width_of_its_own_and_does_not_stretch_the_scale() {
        let bars = [
            ("a".to_string(), Shown::Hidden),
            ("b".to_string(), Shown::Value(3)),
            ("c".to_string(), Shown::Value(0)),
            ("d".to_string(), Shown::Hidden),
        ];
        let c = chart("t".into(), &bars, Lang::Nb);
        assert_eq!(c.bars[0].width, HIDDEN_WIDTH);
        assert_eq!(c.bars[3].width, HIDDEN_WIDTH);
        assert!(c.bars[0].masked && c.bars[0].value == "skjult");
        assert_eq!(c.bars[1].width, BAR_WIDTH, "the largest shown count fills the width");
        assert_eq!(c.bars[2].width, 0);
        // Up to 37 cases in the longest bar, a 3 stays twice as wide as a hidden bar.
        let big = [("a".to_string(), Shown::Value(37)), ("b".to_string(), Shown::Value(3))];
        assert!(chart("t".into(), &big, Lang::Nb).bars[1].width >= 2 * HIDDEN_WIDTH);
    }
}
