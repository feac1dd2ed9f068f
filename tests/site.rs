//! `rt tiltak site`: the tiltaksbank as a static web site — the files it writes and what they
//! hold for each audience, every link checked without a browser (the no-JavaScript reading),
//! no external requests, snapshots of the demo's index, and writing the folder safely. The
//! accessibility, keyboard and screenshot tests in a real browser are in `site_browser.rs`.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use assert_cmd::assert::OutputAssertExt;
use common::*;

/// Writes the site of a team folder into `DIR` under it; returns the output.
fn site(team: &Team, dir: &str, extra: &[&str]) -> std::process::Output {
    let out = team.path(dir);
    let mut args = vec!["tiltak", "site", "--out", out.to_str().unwrap(), "--today", TODAY];
    args.extend(extra);
    team.rt(&args).output().unwrap()
}

/// Every measure of the team's catalogue, as `rt tiltak list` gives them: (id, access).
fn measures(team: &Team) -> Vec<(String, String)> {
    let out = team.rt(["tiltak", "list", "--format", "json"]).output().unwrap();
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    rows.iter().map(|r| (r["id"].as_str().unwrap().into(), r["access"].as_str().unwrap().into())).collect()
}

/// The values of an attribute in a page, in order.
fn attributes(html: &str, name: &str) -> Vec<String> {
    let needle = format!(" {name}=\"");
    html.match_indices(&needle)
        .map(|(at, _)| {
            let rest = &html[at + needle.len()..];
            rest[..rest.find('"').unwrap()].replace("&amp;", "&")
        })
        .collect()
}

/// The files of a folder, relative, sorted.
fn files(dir: &Path) -> Vec<String> {
    let mut all: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/"))
        .collect();
    all.sort();
    all
}

#[test]
fn the_public_site_has_an_index_and_a_page_for_each_measure_citizens_use_directly() {
    let team = Team::demo();
    let out = site(&team, "nettside", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let all = measures(&team);
    let direct: Vec<&str> = all.iter().filter(|(_, a)| a != "via-team").map(|(id, _)| id.as_str()).collect();
    let dir = team.path("nettside");
    let mut expected: Vec<String> =
        [".rt-site", "filter.js", "index.html", "style.css"].map(String::from).to_vec();
    expected.extend(direct.iter().map(|id| format!("tiltak/{id}.html")));
    expected.sort();
    assert_eq!(files(&dir), expected);
    assert_eq!((all.len(), direct.len()), (27, 21));
    // What was written: every file on stdout, and a summary.
    // On Windows the folder is written with backslashes; the list is the same.
    let listed: Vec<String> = stdout(&out)
        .lines()
        .map(|l| {
            let rel = l.strip_prefix(&dir.display().to_string()).unwrap_or(l);
            rel.trim_start_matches(['/', '\\']).replace('\\', "/")
        })
        .collect();
    assert_eq!(listed.len(), 24);
    assert_eq!(listed[..3], ["index.html", "style.css", "filter.js"]);
    assert_eq!(
        stderr(&out),
        format!(
            "Nettsiden er skrevet til {}: index.html med 27 tiltak, og 21 tiltakssider i tiltak/.\n\
             6 tiltak som bare settes inn gjennom ressursteamet, står som én linje hver, uten egen side.\n",
            dir.display()
        )
    );
    // A measure only through the team: one line that sends the reader to their contact.
    let index = team.read("nettside/index.html");
    assert!(index.contains(
        "<p><strong>Familieråd</strong> (0–18 år) settes inn gjennom ressursteamet: <a href=\"#kontakt\">din kontaktperson på familiesenteret kan ta saken din dit</a>.</p>"
    ));
    assert!(!index.contains("noindex"), "a public site may be found");
    assert!(index.contains("Sist oppdatert <time datetime=\"2027-01-05\">5. januar 2027</time>"));
    assert!(
        index.contains("<a href=\"mailto:ingrid.solberg@eikvik.kommune.example\">"),
        "the team's contact"
    );
}

#[test]
fn a_measure_page_says_who_it_is_for_what_it_is_how_to_get_it_and_who_provides_it() {
    let team = Team::demo();
    site(&team, "nettside", &[]).assert().success();
    let page = team.read("nettside/tiltak/ungdomskontakt-nav.html");
    for part in [
        "<title>Ungdomskontakt i NAV – Tiltaksbanken – Ressursteam Familiesenteret i Eikvik</title>",
        "<h1>Ungdomskontakt i NAV</h1>",
        "<p class=\"ingress\">Tett oppfølging av ungdom som står utenfor skole og arbeid.</p>",
        "<h2>Hvem er det for?</h2>\n<p>Ungdom og unge voksne 16–25 år.</p>",
        "<p>Du trenger henvisning fra NAV-veileder.</p>",
        "<p><strong>Kontakt:</strong> Ressursteamet</p>",
        "<h2>Hvem tilbyr det?</h2>\n<p>NAV Eikvik.</p>",
        "<link rel=\"stylesheet\" href=\"../style.css\">",
    ] {
        assert!(page.contains(part), "{part}\n---\n{page}");
    }
    let outside = team.read("nettside/tiltak/friplass-kulturskole.html");
    assert!(
        outside.contains("<p>Eikvik kulturskole (utenfor familiesenteret). Kulturskolen, 00 00 50 00.</p>")
    );
    assert!(outside.contains("<p>Tilbudet gis etter vedtak."));
    assert!(outside.contains("<a href=\"https://eikvik.kommune.example/kulturskole/friplass\">"));
}

#[test]
fn the_staff_site_shows_every_measure_and_asks_not_to_be_indexed() {
    let team = Team::demo();
    let out = site(&team, "intern", &["--audience", "staff"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let pages = files(&team.path("intern")).into_iter().filter(|f| f.starts_with("tiltak/")).count();
    assert_eq!(pages, 27);
    let index = team.read("intern/index.html");
    assert!(index.contains("<meta name=\"robots\" content=\"noindex\">"));
    let familierad = team.read("intern/tiltak/familierad.html");
    assert!(familierad.contains("Tilbudet settes inn gjennom ressursteamet på familiesenteret."));
    assert!(familierad.contains("<div><dt>Id</dt><dd><code>familierad</code></dd></div>"));
}

#[test]
fn snapshots_of_the_demo_index_for_citizens_and_for_staff() {
    let team = Team::demo();
    site(&team, "public", &[]).assert().success();
    site(&team, "staff", &["--audience", "staff"]).assert().success();
    insta::assert_snapshot!("site_index_public", team.read("public/index.html"));
    insta::assert_snapshot!("site_index_staff", team.read("staff/index.html"));
}

#[test]
fn without_javascript_every_measure_is_in_the_page_and_every_link_leads_somewhere() {
    let team = Team::demo();
    for audience in ["public", "staff"] {
        site(&team, audience, &["--audience", audience]).assert().success();
        let dir = team.path(audience);
        let index = team.read(&format!("{audience}/index.html"));
        let ids: BTreeSet<String> = attributes(&index, "id").into_iter().collect();
        for (id, access) in measures(&team) {
            assert!(ids.contains(&format!("m-{id}")), "{audience}: {id} has its place in the list");
            let page = format!("tiltak/{id}.html");
            let linked = attributes(&index, "href").contains(&page);
            let one_line = audience == "public" && access == "via-team";
            assert_eq!(linked, !one_line, "{audience}: {id} linked from the list");
            assert_eq!(dir.join(&page).is_file(), !one_line, "{audience}: {page}");
        }
        // Every link of every page: a file of the site (and its anchor), or a web or mail address.
        for file in files(&dir).iter().filter(|f| f.ends_with(".html")) {
            let html = std::fs::read_to_string(dir.join(file)).unwrap();
            let here = Path::new(file).parent().unwrap();
            for href in attributes(&html, "href").into_iter().chain(attributes(&html, "src")) {
                if href.starts_with("https://") || href.starts_with("mailto:") {
                    continue;
                }
                let (path, anchor) = href.split_once('#').unwrap_or((&href, ""));
                let target = if path.is_empty() { file.clone() } else { normalise(&here.join(path)) };
                assert!(dir.join(&target).is_file(), "{audience}/{file}: {href} → {target}");
                if !anchor.is_empty() {
                    let target_html = std::fs::read_to_string(dir.join(&target)).unwrap();
                    assert!(attributes(&target_html, "id").iter().any(|id| id == anchor), "{file}: {href}");
                }
            }
        }
    }
}

/// `tiltak/../style.css` → `style.css`.
fn normalise(path: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for c in path.components() {
        match c {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::Normal(p) => parts.push(p.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    parts.join("/")
}

#[test]
fn the_pages_ask_for_nothing_outside_the_site() {
    let team = Team::demo();
    site(&team, "nettside", &["--audience", "staff"]).assert().success();
    let dir = team.path("nettside");
    for file in files(&dir) {
        let text = std::fs::read_to_string(dir.join(&file)).unwrap();
        if file.ends_with(".html") {
            // What a browser loads by itself: scripts, style sheets, images, frames.
            for tag in
                ["<script", "<link", "<img", "<iframe", "<object", "<embed", "<video", "<audio", "<source"]
            {
                for (at, _) in text.match_indices(tag) {
                    let element = &text[at..at + text[at..].find('>').unwrap()];
                    assert!(!element.contains("//"), "{file}: {element}");
                }
            }
            assert!(!text.contains("style=\"") && !text.contains("@import"), "{file}");
        }
        assert!(!text.contains("url(") && !text.contains("@import"), "{file}");
        assert!(!text.contains("fetch(") && !text.contains("XMLHttpRequest"), "{file}");
    }
}

#[test]
fn the_same_day_gives_the_same_site_and_english_is_english() {
    let team = Team::demo();
    site(&team, "a", &[]).assert().success();
    site(&team, "b", &[]).assert().success();
    let read_all = |d: &str| -> Vec<(String, Vec<u8>)> {
        files(&team.path(d))
            .into_iter()
            .map(|f| (f.clone(), std::fs::read(team.path(d).join(f)).unwrap()))
            .collect()
    };
    assert_eq!(read_all("a"), read_all("b"), "deterministic");
    let out = site(&team, "en", &["--lang", "en"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let index = team.read("en/index.html");
    assert!(index.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(index.contains("Last updated <time datetime=\"2027-01-05\">5 January 2027</time>"));
    assert!(index.contains("<option value=\"referral\">With a referral</option>"));
    assert!(
        team.read("en/tiltak/kid-kurs.html")
            .contains("<p>You can contact them directly, without a referral.</p>")
    );
    assert!(stderr(&out).starts_with("The site is written to"), "{}", stderr(&out));
}

#[test]
fn a_team_template_replaces_the_built_in_one() {
    let team = Team::demo();
    team.write("templates/site.css", "body { color: #000; } /* {{ team }} */\n");
    site(&team, "nettside", &[]).assert().success();
    assert_eq!(
        team.read("nettside/style.css"),
        "body { color: #000; } /* Ressursteam Familiesenteret i Eikvik */\n"
    );
    team.write("templates/site-index.nb.html", "{{ nothing_such }}");
    let out = site(&team, "nettside", &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("templates/site-index.nb.html"), "{}", stderr(&out));
}

#[test]
fn a_folder_with_other_things_is_refused_unless_forced_and_nothing_is_written() {
    let team = Team::demo();
    team.write("mine/notater.txt", "mine");
    let before = team.snapshot();
    let out = site(&team, "mine", &[]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!(
            "feil: mappen {} er ikke tom (1 fil eller mappe), og den er ingen nettside fra `rt tiltak site`\n\
             hjelp: velg en ny eller tom mappe, eller legg til --force for å skrive sidene inn i den likevel (rt endrer ingenting annet der)\n",
            team.path("mine").display()
        )
    );
    assert_eq!(stdout(&out), "");
    assert_eq!(team.snapshot(), before, "nothing written");
    site(&team, "mine", &["--force"]).assert().success();
    assert_eq!(team.read("mine/notater.txt"), "mine");
    assert!(team.path("mine/index.html").is_file());
}

#[test]
fn a_public_site_over_a_staff_one_takes_away_the_pages_only_staff_may_see() {
    let team = Team::demo();
    site(&team, "nettside", &["--audience", "staff"]).assert().success();
    team.write("nettside/.htaccess", "Options -Indexes\n");
    let out = site(&team, "nettside", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let via_team: Vec<String> =
        measures(&team).into_iter().filter(|(_, a)| a == "via-team").map(|(id, _)| id).collect();
    for id in &via_team {
        assert!(!team.path(&format!("nettside/tiltak/{id}.html")).exists(), "{id}");
    }
    let note = stderr(&out);
    let removed = note.lines().find(|l| l.starts_with("Fjernet sider")).unwrap_or_else(|| panic!("{note}"));
    assert_eq!(removed.matches("tiltak/").count(), via_team.len(), "{removed}");
    assert_eq!(team.read("nettside/.htaccess"), "Options -Indexes\n", "not rt's: left alone");
}

#[cfg(unix)]
#[test]
fn links_are_not_followed() {
    let team = Team::demo();
    std::fs::create_dir(team.path("elsewhere")).unwrap();
    std::os::unix::fs::symlink(team.path("elsewhere"), team.path("nettside")).unwrap();
    let out = site(&team, "nettside", &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with(&format!(
        "feil: {} er en symbolsk lenke; rt skriver aldri gjennom lenker\n",
        team.path("nettside").display()
    )));
    assert_eq!(files(&team.path("elsewhere")), Vec::<String>::new());
}

#[test]
fn a_catalogue_with_errors_gives_no_site() {
    let team = Team::demo();
    let bank = team.read("tiltaksbank.toml").replacen("provider = \"nav\"", "provider = \"nva\"", 1);
    team.write("tiltaksbank.toml", &bank);
    let out = site(&team, "nettside", &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("ukjent tilbyder `nva`"), "{}", stderr(&out));
    assert!(!team.path("nettside").exists());
}

#[test]
fn help_shows_examples_in_both_languages() {
    let help = stdout(&rt_bare().args(["tiltak", "site", "--help"]).output().unwrap());
    assert!(help.contains("Eksempler:\n  rt tiltak site --out nettside"), "{help}");
    assert!(help.contains("--audience <HVEM>") && help.contains("[standard: public]"), "{help}");
    let en = stdout(&rt_bare().args(["tiltak", "site", "--help", "--lang", "en"]).output().unwrap());
    assert!(en.contains("Examples:\n  rt tiltak site --out website"), "{en}");
    assert!(en.contains("--audience <WHO>"), "{en}");
}
