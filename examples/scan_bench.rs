//! Times the national-id scanner over about 100 MB of text (a profiling aid, not a test):
//!     cargo run --release --example scan_bench [-- MEGABYTES [KIND]]
//!
//! Three kinds of text, built deterministically: case prose as a team writes it (Norwegian
//! letters, dates, times, phone numbers, sums), plain ASCII prose, and a worst case that is
//! nearly all digit groups and separators. None holds a valid national id, so every byte
//! is looked at. Prints the best of five runs of each.

use std::hint::black_box;
use std::time::Instant;

use rt::rules::national_id::contains_national_id;

const PROSE: [&str; 12] = [
    "Gutten (6 år) har hatt uro i barnehagen siden høsten; foreldrene ønsker råd om søvn og grenser.",
    "Møte med helsesykepleier 15.03.2027 kl. 12.30, oppfølging 2027-04-02.",
    "Mor ringte fra tlf 912 34 567 og ba om at saken tas opp på neste møte i ressursteamet.",
    "Familien har fått tilskudd på kr 1 500 073,00 og venter på svar fra NAV innen uke 12, 2027.",
    "Tiltak 3, 5 og 7 er prøvd. Skolen melder fravær: 4, 2, 6 og 1 dager i perioden.",
    "Fysioterapeut vurderer motorikk; ergoterapeut kommer hjem 2. og 9. mai.",
    "Sak 2027-01-05-k7q2 ble drøftet; neste steg er foreldreveiledning (ICDP) over 8 uker.",
    "Barnet bor annenhver uke hos far, adresse Storgata 12, 0155 Oslo; kontakt via skolen.",
    "Ønsker: at noen ser hele familien, ikke bare diagnosen. Bekymring for søsken (9 og 13 år).",
    "Kontonummer til refusjon er oppgitt i eget skjema, ikke her.",
    "Psykisk helse- og rustjeneste har hatt 3 samtaler med far i perioden 01.09–15.12.",
    "«Vi er slitne», sier mor. Avlastning hver tredje helg er ønsket – gjerne fra januar.",
];

fn prose(size: usize, rng: &mut fastrand::Rng) -> String {
    let mut out = String::with_capacity(size + 200);
    while out.len() < size {
        out.push_str(PROSE[rng.usize(0..PROSE.len())]);
        out.push(if rng.u8(0..4) == 0 { '\n' } else { ' ' });
    }
    out
}

fn ascii(size: usize, rng: &mut fastrand::Rng) -> String {
    let mut out = String::with_capacity(size + 200);
    while out.len() < size {
        let line: String =
            PROSE[rng.usize(0..PROSE.len())].chars().map(|c| if c.is_ascii() { c } else { 'e' }).collect();
        out.push_str(&line);
        out.push(' ');
    }
    out
}

/// Digit groups of 1–5 digits between separators, eight groups to a line: far more
/// candidates than any real text, and no 11-digit window can be a valid number because every
/// group starts with 9 (day 9x is no day, not even for a D-number).
fn digits(size: usize, rng: &mut fastrand::Rng) -> String {
    let mut out = String::with_capacity(size + 200);
    while out.len() < size {
        for _ in 0..8 {
            out.push('9');
            for _ in 0..rng.usize(0..5) {
                out.push(char::from(b'0' + rng.u8(0..10)));
            }
            out.push_str([" ", ", ", ".", "-", " / "][rng.usize(0..5)]);
        }
        out.push('\n');
    }
    out
}

fn main() {
    let mb: usize = std::env::args().nth(1).map_or(100, |s| s.parse().expect("MEGABYTES is a number"));
    let only = std::env::args().nth(2); // one kind by name, e.g. "digit groups"
    // Scanned in case-file-sized pieces, the way `rt check` calls it.
    let piece = 4096;
    for (name, make) in [
        ("case prose", prose as fn(usize, &mut fastrand::Rng) -> String),
        ("ascii prose", ascii),
        ("digit groups", digits),
    ] {
        if only.as_ref().is_some_and(|only| only != name) {
            continue;
        }
        let text = make(mb << 20, &mut fastrand::Rng::with_seed(13));
        let mut pieces = Vec::new();
        let mut start = 0;
        while start < text.len() {
            // Cut after a line break, as files end, not in the middle of a group of digits.
            let from = (start + piece).min(text.len());
            let end = text.as_bytes()[from..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(text.len(), |at| from + at + 1);
            pieces.push(&text[start..end]);
            start = end;
        }
        let hits_before = pieces.iter().filter(|p| contains_national_id(p)).count();
        // The best of five: the machine may be shared.
        let mut took = std::time::Duration::MAX;
        for _ in 0..5 {
            let t = Instant::now();
            let mut hits = 0;
            for p in &pieces {
                hits += usize::from(contains_national_id(black_box(p)));
            }
            took = took.min(t.elapsed());
            assert_eq!(hits, hits_before);
        }
        let hits = hits_before;
        let mbs = text.len() as f64 / (1 << 20) as f64 / took.as_secs_f64();
        println!(
            "{name:>12}: {} MB in {took:.2?} = {mbs:.0} MB/s ({hits} pieces with a hit)",
            text.len() >> 20
        );
    }
}
