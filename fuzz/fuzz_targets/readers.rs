//! Every reader of the team folder on arbitrary input: the config, the tiltaksbank, a
//! meetings file, a case file (and, when one comes out, its rules and a write/read round
//! trip), and a CSV spreadsheet. A panic anywhere is a bug.

#![no_main]

use libfuzzer_sys::fuzz_target;
use rt::lang::Lang;
use rt::store::{case_file, config_file, meetings_file, spreadsheet, tiltak_file};

const DEMO_CONFIG: &str = include_str!("../../rt.toml");

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (config, diags) = config_file::read("rt.toml", &text);
    for d in &diags {
        let _ = d.render(Lang::Nb);
    }
    let _ = tiltak_file::read("tiltaksbank.toml", &text, config.as_ref());
    let _ = meetings_file::read("meetings/2027H1.toml", &text);
    let read = case_file::read("cases/2027/x.toml", &text);
    // The fast reader never reads a file differently from the full one.
    let full = case_file::read_full("cases/2027/x.toml", &text);
    assert_eq!(read.case, full.case, "fast and full readers disagree");
    assert_eq!(read.diags.len(), full.diags.len(), "fast and full readers disagree");
    for d in &read.diags {
        let _ = d.render(Lang::En);
    }
    if let Some(case) = read.case {
        let (demo, _) = config_file::read("rt.toml", DEMO_CONFIG);
        if let Some(demo) = demo {
            let today = case.referred;
            let cx = rt::rules::case::RuleContext { config: &demo, measures: None, today };
            for f in rt::rules::case::check(&case, &cx) {
                let _ = f.problem.message(Lang::Nb);
            }
        }
        let again = case_file::read("x.toml", &case_file::new_text(&case));
        assert_eq!(again.case.as_ref(), Some(&case), "a case must survive write then read");
    }
    if let Ok(sheet) = spreadsheet::parse_csv(data, "x.csv") {
        if let Some(config) = config_file::read("rt.toml", DEMO_CONFIG).0 {
            let options = rt::tiltak::import::Options { add_providers: true, ..Default::default() };
            let _ = rt::tiltak::import::parse(&sheet, &config, &options);
        }
    }
});
