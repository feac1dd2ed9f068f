//! Fuzzing the readers in the normal test suite (cargo-fuzz needs a nightly toolchain, which
//! this project's machines do not have): arbitrary bytes and mutations of valid files go to
//! every reader and, where a case comes out, through the rules and a write/read round trip.
//! None may panic; every problem must come back as a diagnostic.

use proptest::prelude::*;
use rt::lang::Lang;
use rt::store::{case_file, config_file, meetings_file, spreadsheet, tiltak_file};

const CASE: &str = include_str!("../cases/2026/2026-09-01-nknk.toml");
const CONFIG: &str = include_str!("../rt.toml");
const BANK: &str = include_str!("../tiltaksbank.toml");
const MEETINGS: &str = include_str!("../meetings/2026H2.toml");
/// Case files with a known, an anonymous and no user.
const CASES: [&str; 3] = [
    CASE,
    include_str!("../cases/2026/2026-10-13-pbtn.toml"),
    include_str!("../cases/2026/2026-09-22-2p7h.toml"),
];

/// What one input goes through.
fn all_readers(text: &str) {
    let (config, config_diags) = config_file::read("rt.toml", text);
    for d in &config_diags {
        let _ = d.render(Lang::Nb);
    }
    let _ = tiltak_file::read("tiltaksbank.toml", text, config.as_ref());
    let _ = meetings_file::read("meetings/2027H1.toml", text);
    let read = case_file::read("cases/2026/x.toml", text);
    for d in &read.diags {
        let _ = d.render(Lang::En);
    }
    if let Some(case) = read.case {
        let (demo, _) = config_file::read("rt.toml", CONFIG);
        let cx = rt::rules::case::RuleContext {
            config: &demo.unwrap(),
            measures: None,
            today: chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        };
        for f in rt::rules::case::check(&case, &cx) {
            let _ = f.problem.message(Lang::Nb);
        }
        // Whatever reads as a case writes back as the same case.
        let again = case_file::read("x.toml", &case_file::new_text(&case));
        assert_eq!(again.case.as_ref(), Some(&case));
        // And applying it to its own (mutated) document keeps it.
        if let Ok(mut doc) = text.parse::<toml_edit::DocumentMut>() {
            case_file::apply(&case, &mut doc);
            let _ = case_file::read("x.toml", &doc.to_string());
        }
    }
}

/// A mutation of a valid file: flip, insert, delete, duplicate or swap lines, truncate.
fn mutate(base: &str, ops: &[(u8, usize, char)]) -> String {
    let mut s: Vec<char> = base.chars().collect();
    for &(op, at, c) in ops {
        if s.is_empty() {
            s.push(c);
            continue;
        }
        let i = at % s.len();
        match op % 6 {
            0 => s[i] = c,
            1 => s.insert(i, c),
            2 => {
                let end = (i + 1 + at % 7).min(s.len());
                s.drain(i..end);
            }
            3 => {
                let text: String = s.iter().collect();
                let mut lines: Vec<&str> = text.lines().collect();
                let j = at % lines.len().max(1);
                if j < lines.len() {
                    lines.insert(j, lines[j]);
                }
                s = lines.join("\n").chars().collect();
            }
            4 => {
                let text: String = s.iter().collect();
                let mut lines: Vec<&str> = text.lines().collect();
                if lines.len() > 1 {
                    let (a, b) = (at % lines.len(), (at / 7) % lines.len());
                    lines.swap(a, b);
                }
                s = lines.join("\n").chars().collect();
            }
            _ => s.truncate(i),
        }
    }
    s.into_iter().collect()
}

fn ops() -> impl Strategy<Value = Vec<(u8, usize, char)>> {
    proptest::collection::vec(
        (
            any::<u8>(),
            any::<usize>(),
            prop_oneof![
                any::<char>(),
                Just('"'),
                Just('='),
                Just('['),
                Just(']'),
                Just('\n'),
                Just('#'),
                Just('ø')
            ],
        ),
        1..8,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic_a_reader(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        all_readers(&String::from_utf8_lossy(&bytes));
        let _ = spreadsheet::parse_csv(&bytes, "x.csv");
    }

    #[test]
    fn mutated_case_files_never_panic(ops in ops()) {
        all_readers(&mutate(CASE, &ops));
    }

    #[test]
    fn mutated_configs_catalogues_and_meetings_never_panic(ops in ops(), which in 0..3usize) {
        all_readers(&mutate([CONFIG, BANK, MEETINGS][which], &ops));
    }

    #[test]
    fn mutated_spreadsheets_never_panic_the_import(ops in ops()) {
        let csv = mutate("Oversikt\nTiltak;Enhet;Målgruppe;Tilgang;Nivå\nFor alle\nKurs;NAV;18-67;Åpent;gul\nGruppe;;Småbarnsforeldre;Henvisning fra fastlege;\n", &ops);
        if let Ok(sheet) = spreadsheet::parse_csv(csv.as_bytes(), "x.csv") {
            let (config, _) = config_file::read("rt.toml", CONFIG);
            let options = rt::tiltak::import::Options { add_providers: true, ..Default::default() };
            if let Ok(parsed) = rt::tiltak::import::parse(&sheet, &config.unwrap(), &options) {
                let (bank, _) = rt::store::tiltak_file::read("tiltaksbank.toml", BANK, None);
                let today = chrono::NaiveDate::from_ymd_opt(2027, 1, 5).unwrap();
                let _ = rt::tiltak::plan::plan(&parsed, &bank, today, false);
            }
        }
    }

    #[test]
    fn free_text_checks_never_panic(text in "\\PC{0,80}") {
        let _ = rt::rules::national_id::contains_national_id(&text);
        let _ = rt::rules::text::normalise_initials(&text);
        let _ = rt::rules::text::mentions_violence(&text);
        let _ = rt::tiltak::search::fold(&text);
        let _ = rt::tiltak::target::parse_target(&text);
        let _ = rt::tiltak::wording::parse_access(&text);
        let _ = rt::tiltak::wording::parse_level(&text);
        let _ = rt::model::CaseId::parse(&text);
        let _ = rt::model::dates::Half::parse(&text);
    }

    /// The fast reader (taken first for every case file) never reads a file differently
    /// from the full reader: the same case, or none, the same problems, and the same
    /// positions for later findings.
    #[test]
    fn the_fast_reader_agrees_with_the_full_reader(ops in summary_ops(), which in 0..4usize, summary: bool) {
        // Mutate, half of the time at the start of a value.
        let multiline = multiline_case();
        let base = if which == 3 { &multiline } else { CASES[which] };
        let base = if summary { case_file::summary_part(base) } else { base };
        let mut text = mutate(base, &ops[1..]);
        let (_, at, c) = ops[0];
        let starts: Vec<usize> = text.match_indices("= ").map(|(i, _)| i + 2).collect();
        if at % 2 == 0 && !starts.is_empty() {
            text.insert(starts[at / 2 % starts.len()], c);
        }
        let fast = case_file::read("cases/2026/x.toml", &text);
        let full = case_file::read_full("cases/2026/x.toml", &text);
        prop_assert_eq!(&fast.case, &full.case);
        let render = |r: &case_file::CaseRead| r.diags.iter().map(|d| d.render(Lang::En)).collect::<Vec<_>>();
        prop_assert_eq!(render(&fast), render(&full));
        if let (Some(spans), Some(doc)) = (&fast.spans, &full.doc) {
            for path in FIELDS {
                if let Some(start) = spans.locate(path) {
                    let want = rt::store::toml_read::locate(doc, path).map(|s| s.start);
                    prop_assert_eq!(start, want, "{}", path);
                }
            }
        }
    }
}

/// The fast path is taken, not just allowed: of the mutated files the full reader reads
/// without a single finding, the fast reader must take most itself (a fast reader that gave
/// up on everything would pass the agreement test above and speed nothing up).
#[test]
fn the_fast_path_is_taken_for_most_clean_files() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = (summary_ops(), 0..4usize, any::<bool>());
    let multiline = multiline_case();
    let (mut clean, mut fast) = (0usize, 0usize);
    for _ in 0..3000 {
        let (ops, which, summary) = strategy.new_tree(&mut runner).unwrap().current();
        let base = if which == 3 { &multiline } else { CASES[which] };
        let base = if summary { case_file::summary_part(base) } else { base };
        // Mutations far from the values mostly land in comments and blanks: still plain.
        let text = mutate(base, &ops[..1]);
        let full = case_file::read_full("cases/2026/x.toml", &text);
        if full.case.is_some() && full.diags.is_empty() {
            clean += 1;
            fast += usize::from(case_file::read("cases/2026/x.toml", &text).spans.is_some());
        }
    }
    println!("fast path: {fast} of {clean} clean files ({} %)", fast * 100 / clean.max(1));
    assert!(clean >= 300, "too few clean files to judge: {clean}");
    assert!(fast * 100 >= clean * 80, "the fast path took only {fast} of {clean} clean files");
    for base in CASES.iter().copied().chain([multiline.as_str()]) {
        assert!(case_file::read("cases/2026/x.toml", base).spans.is_some(), "an unmutated file: {base}");
    }
}

/// The demo's decided case with its texts as multi-line strings, basic and literal.
fn multiline_case() -> String {
    let text = CASE
        .replace("concern = \"Alenemor", "concern = \"\"\"\nAlenemor")
        .replace("samlivsbrudd.\"", "samlivsbrudd.\n\"\"\"")
        .replace("tried = \"Støttesamtaler i", "tried = '''Støttesamtaler\ni")
        .replace("siden mai.\"", "siden mai.'''");
    assert_eq!(text.matches("\"\"\"").count() + text.matches("'''").count(), 4);
    text
}

/// Field paths the rules name, and some that are not there.
const FIELDS: [&str; 24] = [
    "id",
    "schema",
    "way_in",
    "status",
    "referred",
    "meeting",
    "closed",
    "leader_consulted",
    "invite",
    "referrer",
    "referrer.name",
    "referrer.unit",
    "user",
    "user.initials",
    "user.born",
    "user.age",
    "consent",
    "consent.units",
    "consent.expires",
    "situation.concern",
    "situation.wishes",
    "outcome.assessment",
    "decision.accepted",
    "extra.note",
];

/// Mutations aimed at the lines the summary reader takes: quotes, escapes, separators,
/// digits, blanks and line ends.
fn summary_ops() -> impl Strategy<Value = Vec<(u8, usize, char)>> {
    proptest::collection::vec(
        (
            any::<u8>(),
            any::<usize>(),
            prop::sample::select(vec![
                '"', '\'', '\\', '=', '[', ']', ',', '#', '\n', '\r', '\t', ' ', '-', '.', '0', '1', '9',
                'T', 'a', '_', 'ø', '\u{1}', '\u{7f}', '\u{a0}', '\u{feff}',
            ]),
        ),
        1..6,
    )
}
