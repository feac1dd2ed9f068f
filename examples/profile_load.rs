//! Times the phases of loading a team folder (a profiling aid for BENCHMARKS.md):
//!     cargo run --release --example profile_load -- DIR
use std::time::Instant;

fn main() {
    let dir = std::env::args().nth(1).expect("DIR");
    let team = rt::store::TeamDir::new(&dir);
    let t = Instant::now();
    let (files, _) = rt::store::load::case_files(&team);
    println!("walk {} files: {:?}", files.len(), t.elapsed());
    let t = Instant::now();
    let texts: Vec<(String, String)> =
        files.iter().map(|f| (f.rel.clone(), rt::store::load::read_capped(&f.path).unwrap())).collect();
    println!("read: {:?}", t.elapsed());
    let t = Instant::now();
    let docs: Vec<_> =
        texts.iter().map(|(rel, text)| rt::store::toml_read::parse(rel, text).unwrap()).collect();
    println!("parse: {:?} ({} docs)", t.elapsed(), docs.len());
    let t = Instant::now();
    let n = texts.iter().filter(|(rel, text)| rt::store::case_file::read(rel, text).case.is_some()).count();
    println!("parse + decode: {:?} ({n} cases)", t.elapsed());
    let t = Instant::now();
    let n = texts
        .iter()
        .filter(|(rel, text)| {
            rt::store::case_file::read(rel, rt::store::case_file::summary_part(text)).case.is_some()
        })
        .count();
    println!("summary parse + decode (one thread): {:?} ({n})", t.elapsed());
    let t = Instant::now();
    let (cases, _) = rt::store::load::cases(&team);
    println!("load::cases total: {:?} ({} cases)", t.elapsed(), cases.len());
    let t = Instant::now();
    let (cases, _) = rt::store::load::summaries(&team);
    println!("load::summaries: {:?} ({} cases)", t.elapsed(), cases.len());
}
