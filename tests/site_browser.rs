//! `rt tiltak site` in a real browser: Debian's headless Chromium, driven over the DevTools
//! protocol by `tests/site/browser.mjs` (Node's standard library only; no Puppeteer or
//! Playwright and none of their browser downloads), with axe-core from the npm registry
//! (pinned in `tests/site/package-lock.json`; `.ci/run` installs it with `npm ci` into
//! `target/ci-node`).
//!
//! Why this route: the site is static, so Chromium opens its files straight from disk; axe is
//! injected into each page through the protocol rather than copied into the site, so the
//! pages under test are byte for byte what `rt` wrote. The driver only reports what it saw;
//! these tests judge it. Without Node, Chromium or axe-core the tests say so and skip — and
//! fail on CI (`RT_REQUIRE_TOOLS=1`).
//!
//! Unix only: the Windows run of the tests, under Wine, has no Node or Chromium.

#![cfg(unix)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

use crate::common::*;
use serde_json::{Value, json};

/// The axe-core of `tests/site/package-lock.json`.
const AXE_VERSION: &str = "4.14.1";

/// One browser at a time: the machines are small, and each Chromium is large.
static BROWSER: Mutex<()> = Mutex::new(());

struct Tools {
    node: PathBuf,
    chromium: String,
    axe: PathBuf,
}

/// Node.js, Chromium and axe-core, or `None` after telling which is missing.
fn tools() -> Option<Tools> {
    let runs = |cmd: &str| Command::new(cmd).arg("--version").output().is_ok_and(|o| o.status.success());
    if !runs("node") {
        missing_tool("Node.js (node)");
        return None;
    }
    let Some(chromium) = ["chromium", "chromium-browser", "google-chrome"].into_iter().find(|c| runs(c))
    else {
        missing_tool("Chromium");
        return None;
    };
    let axe = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/ci-node/node_modules/axe-core/axe.min.js");
    if !axe.is_file() {
        missing_tool("axe-core (cd target/ci-node && npm ci, with tests/site/package*.json there)");
        return None;
    }
    Some(Tools { node: "node".into(), chromium: chromium.to_string(), axe })
}

/// Writes a site of the team folder into `dir`.
fn build(team: &Team, dir: &str, extra: &[&str]) -> PathBuf {
    let out = team.path(dir);
    let mut args = vec!["tiltak", "site", "--out", out.to_str().unwrap(), "--today", TODAY];
    args.extend(extra);
    let run = team.rt(&args).output().unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    out
}

/// Runs one task of the driver over pages of a site; returns what it saw, after checking
/// that the pages asked for nothing but files of the site.
fn browse(tools: &Tools, task: &str, site: &Path, pages: &[&str], more: Value) -> Value {
    let _one = BROWSER.lock().unwrap_or_else(|e| e.into_inner());
    let profile = tempfile::tempdir().unwrap();
    let mut options = json!({
        "chromium": tools.chromium,
        // As tests/report.rs starts it.
        "flags": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        "profile": profile.path(),
        "site": site,
        "pages": pages,
        "axe": tools.axe,
    });
    options.as_object_mut().unwrap().extend(more.as_object().unwrap().clone());
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/site/browser.mjs");
    let out = Command::new(&tools.node).arg(script).arg(task).arg(options.to_string()).output().unwrap();
    let seen: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", stdout(&out), stderr(&out)));
    assert!(seen.get("error").is_none(), "{task}: {seen:#}");
    let root = format!("file://{}/", site.display());
    for url in seen["requested"].as_array().unwrap() {
        assert!(url.as_str().unwrap().starts_with(&root), "{task}: an outside request: {url}");
    }
    seen["result"].clone()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_string()).collect()
}

/// The ids `rt tiltak list` gives for these filters.
fn listed(team: &Team, filters: &[&str]) -> BTreeSet<String> {
    let mut args = vec!["tiltak", "list", "--format", "json"];
    args.extend(filters);
    let rows: Vec<Value> = serde_json::from_slice(&team.rt(&args).output().unwrap().stdout).unwrap();
    rows.iter().map(|r| r["id"].as_str().unwrap().to_string()).collect()
}

#[test]
fn axe_finds_no_wcag_2_1_aa_violation_on_the_index_or_a_measure_page() {
    let Some(tools) = tools() else { return };
    let team = Team::demo();
    let sites = [
        (
            build(&team, "public", &[]),
            ["index.html", "tiltak/friplass-kulturskole.html", "tiltak/sakkyndig-vurdering-ppt.html"],
        ),
        (
            build(&team, "staff", &["--audience", "staff"]),
            ["index.html", "tiltak/familierad.html", "tiltak/kid-kurs.html"],
        ),
        (
            build(&team, "english", &["--lang", "en"]),
            ["index.html", "tiltak/leksehjelp.html", "tiltak/barselgruppe.html"],
        ),
    ];
    for (site, pages) in &sites {
        let seen = browse(&tools, "axe", site, pages, json!({}));
        for page in pages {
            let r = &seen[*page];
            assert_eq!(r["version"], AXE_VERSION);
            assert!(r["rules"].as_u64().unwrap() > 40, "{page}: axe ran its rules: {r}");
            assert_eq!(r["form_shown"], true, "{page}: checked with the filters shown");
            assert_eq!(r["violations"], json!([]), "{}/{page}: {:#}", site.display(), r["violations"]);
        }
    }
}

#[test]
fn axe_sees_it_when_a_team_makes_its_pages_hard_to_read() {
    let Some(tools) = tools() else { return };
    let team = Team::demo();
    // The control: pale grey text, which no one with low vision can read.
    let css =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/site.css")).unwrap();
    team.write("templates/site.css", &css.replace("--tekst: #1b1f23;", "--tekst: #b0b0b0;"));
    let site = build(&team, "pale", &[]);
    let seen = browse(&tools, "axe", &site, &["index.html"], json!({}));
    let ids: Vec<&str> = seen["index.html"]["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["color-contrast"]);
}

#[test]
fn the_keyboard_alone_reaches_every_filter_and_every_measure_with_focus_in_sight() {
    let Some(tools) = tools() else { return };
    let team = Team::demo();
    let site = build(&team, "public", &[]);
    let all = listed(&team, &[]);
    let pages = ["index.html", "tiltak/friplass-kulturskole.html"];
    for js in [true, false] {
        let seen = browse(&tools, "keyboard", &site, &pages, json!({ "js": js }));
        let stops = seen["index.html"]["stops"].as_array().unwrap();
        for stop in stops.iter().chain(seen[pages[1]]["stops"].as_array().unwrap()) {
            assert_eq!(stop["outline"], true, "js {js}: focus not visible on {stop}");
            assert_eq!(stop["in_view"], true, "js {js}: focus out of sight on {stop}");
        }
        assert_eq!(stops[0]["text"], "Hopp til tiltakene", "the skip link comes first");
        let ids: Vec<&str> =
            stops.iter().filter_map(|s| s["id"].as_str()).filter(|i| !i.is_empty()).collect();
        let summaries = stops.iter().filter(|s| s["tag"] == "summary").count();
        assert_eq!(summaries, 4, "js {js}: the four lists to browse by");
        let reset = stops.iter().any(|s| s["text"] == "Nullstill søket");
        if js {
            assert_eq!(ids, ["q", "age", "provider", "level", "access"], "the filters, in order");
            assert!(reset);
        } else {
            assert!(ids.is_empty() && !reset, "without JavaScript the filters are not there: {ids:?}");
        }
        let reached: BTreeSet<String> = stops
            .iter()
            .filter_map(|s| s["card"].as_str())
            .map(|c| c.trim_start_matches("m-").to_string())
            .collect();
        assert_eq!(reached, all, "js {js}: every measure in the list");
        let details = &seen["index.html"]["details"];
        assert_eq!(details, &json!({ "open": true, "next": true }), "Enter opens a list; Tab goes into it");
        let page: Vec<String> =
            seen[pages[1]]["stops"].as_array().unwrap().iter().map(|s| s["text"].to_string()).collect();
        assert!(page.contains(&"\"Alle tiltakene\"".to_string()), "{page:?}");
    }
}

#[test]
fn the_filters_answer_at_once_fold_norwegian_letters_and_tell_the_count() {
    let Some(tools) = tools() else { return };
    let team = Team::demo();
    let extra = "\n[[measures]]\nid = \"saerlig-leksehjelp\"\nname = \"Særlig tilrettelagt leksehjelp\"\n\
                 provider = \"frivilligsentral\"\naccess = \"open\"\nage_min = 10\nage_max = 15\n";
    team.write("tiltaksbank.toml", &(team.read("tiltaksbank.toml") + extra));
    let site = build(&team, "public", &[]);
    let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
    let cases: Vec<(Value, BTreeSet<String>)> = vec![
        (json!({"q": "okonomi"}), ids(&["friplass-kulturskole", "nav-veileder", "okonomisk-radgivning"])),
        (json!({"q": "Økonomisk"}), ids(&["okonomisk-radgivning"])),
        (json!({"q": "møteplass"}), ids(&["apen-moteplass-smabarn"])),
        (json!({"q": "moteplass SMÅBARN"}), ids(&["apen-moteplass-smabarn"])),
        (json!({"q": "særlig"}), ids(&["saerlig-leksehjelp"])),
        (json!({"q": "saerlig"}), ids(&["saerlig-leksehjelp"])),
        (json!({"q": "sarlig"}), ids(&[])),
        (json!({"age": "35"}), listed(&team, &["--age", "35"])),
        (json!({"age": "4", "level": "universal"}), listed(&team, &["--age", "4", "--level", "universal"])),
        (json!({"provider": "nav"}), listed(&team, &["--provider", "nav"])),
        (json!({"access": "referral"}), listed(&team, &["--access", "referral"])),
        (json!({"access": "via-team", "age": "5"}), listed(&team, &["--access", "via-team", "--age", "5"])),
    ];
    let queries: Vec<Value> = cases.iter().map(|(q, _)| q.clone()).collect();
    let seen = browse(&tools, "filter", &site, &["index.html"], json!({ "queries": queries }));
    for ((query, expected), got) in cases.iter().zip(seen.as_array().unwrap()) {
        let shown: BTreeSet<String> = strings(&got["shown"]).into_iter().collect();
        assert_eq!(&shown, expected, "{query}");
        assert!(!expected.is_empty() || query["q"] == "sarlig", "a case that shows something: {query}");
        let status = match expected.len() {
            0 => "Ingen tiltak passer. Prøv færre eller kortere ord, eller ta bort et filter.".to_string(),
            n => format!("Viser {n} av 28 tiltak"),
        };
        assert_eq!(
            (got["status"].as_str().unwrap(), got["settled"].as_bool()),
            (status.as_str(), Some(true))
        );
        assert_eq!(got["live"], "polite", "read out by screen readers");
    }
    assert_eq!(seen[0]["address"], "?q=okonomi", "the choices are in the address, to share");
}

#[test]
fn without_javascript_every_measure_shows_and_each_list_to_browse_by_links_to_it() {
    let Some(tools) = tools() else { return };
    let team = Team::demo();
    let site = build(&team, "public", &[]);
    let seen = browse(&tools, "nojs", &site, &["index.html", "tiltak/leksehjelp.html"], json!({}));
    let index = &seen["index.html"];
    let all = listed(&team, &[]);
    assert_eq!(strings(&index["shown"]).into_iter().collect::<BTreeSet<_>>(), all);
    assert_eq!(index["form_shown"], false, "a form that cannot work is not shown");
    assert!(strings(&index["noscript"])[0].starts_with("Søket trenger JavaScript."));
    let via_team = listed(&team, &["--access", "via-team"]);
    let everywhere: BTreeSet<String> = all
        .iter()
        .map(|id| if via_team.contains(id) { format!("#m-{id}") } else { format!("tiltak/{id}.html") })
        .collect();
    let details = index["details"].as_array().unwrap();
    let keys: Vec<&str> = details.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(keys, ["bla-age", "bla-provider", "bla-level", "bla-access"]);
    for d in details {
        let links: BTreeSet<String> = strings(&d["links"]).into_iter().collect();
        assert_eq!(links, everywhere, "{}: every measure under some choice", d["id"]);
    }
    // Each measure once by provider and by way in; by age as often as it fits an age group.
    assert_eq!(details[1]["links"].as_array().unwrap().len(), 27);
    assert_eq!(details[3]["links"].as_array().unwrap().len(), 27);
    assert_eq!(seen["tiltak/leksehjelp.html"]["h1"], "Leksehjelp");
}

#[test]
fn screenshots_at_phone_and_desktop_widths_and_a_print_without_the_controls() {
    let Some(tools) = tools() else { return };
    let team = Team::demo();
    let site = build(&team, "public", &[]);
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/site-screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let pages = ["index.html", "tiltak/friplass-kulturskole.html"];
    for width in [390u32, 1280] {
        let seen = browse(&tools, "screenshots", &site, &pages, json!({ "width": width, "shots": shots }));
        for page in pages {
            let r = &seen[page];
            let png = std::fs::read(r["file"].as_str().unwrap()).unwrap();
            assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "{page}: a PNG");
            let png_width = u32::from_be_bytes(png[16..20].try_into().unwrap());
            assert_eq!(png_width, width, "{page}");
            assert!(r["height"].as_u64().unwrap() > 600, "{page}: the whole page: {r}");
            assert_eq!(
                r["scroll_width"], r["inner_width"],
                "{page} at {width}px: nothing wider than the screen"
            );
            let hidden = strings(&r["print"]["hidden"]);
            let expect: &[&str] =
                if page == "index.html" { &[".hopp", "#filter", ".bla", "#antall"] } else { &[".hopp"] };
            assert_eq!(hidden, expect, "{page}: printed without the controls");
            assert!(r["print"]["shown"].as_u64().unwrap() >= 4, "{page}: printed with its content");
        }
    }
    println!("screenshots in {}", shots.display());
}
