//! `rt tiltak site`: the tiltaksbank as a static web site (R15) — an index with search and
//! filters, and one page per measure at `tiltak/ID.html` — from the team's templates, written
//! into a folder any web server or the municipality's CMS can serve. What the pages show is
//! decided in [`crate::tiltak::site`]; how the folder is written, in [`crate::store::site`].

use std::path::PathBuf;

use crate::error::Error;
use crate::render::{self, Templates};
use crate::session::Session;
use crate::store::site::write_site;
use crate::tiltak::site::{self, Audience};

/// Flags of `rt tiltak site`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Eksempler:
  rt tiltak site --out nettside                  for innbyggere, på bokmål
  rt tiltak site --out intern --audience staff   alle tiltakene, for ansatte
  rt tiltak site --out site-en --lang en

Siden er vanlige HTML- og CSS-filer uten eksterne forespørsler: index.html, style.css,
filter.js og tiltak/ID.html for hvert tiltak. Søk og filtre virker uten JavaScript (lister
per alder, tilbyder, nivå og tilgang) og filtrerer med en gang med JavaScript. Malene kan
overstyres i templates/ (site-index, site-measure, site.css, site.js).")]
pub struct SiteArgs {
    /// Mappen siden skrives til (ny, tom, eller en tidligere side fra rt)
    #[arg(long, value_name = "MAPPE")]
    pub out: PathBuf,
    /// public (innbyggere: det de kan få selv; tiltak via ressursteamet som én linje) eller staff (alle)
    #[arg(long, value_name = "HVEM", default_value = "public")]
    pub audience: Audience,
    /// Skriv i en mappe som har andre filer (rt endrer bare sine egne)
    #[arg(long)]
    pub force: bool,
}

/// Runs `rt tiltak site`.
pub fn run(args: SiteArgs, ctx: &Session) -> Result<i32, Error> {
    let (config, bank) = super::load_bank(ctx, crate::tiltak::privacy::Use::Publish)?;
    let lang = ctx.lang;
    let site = site::build(&config, &bank, args.audience, lang, ctx.today);
    let templates = Templates::load(&ctx.team)?;
    let mut files: Vec<(String, Vec<u8>)> = vec![
        (
            "index.html".into(),
            templates.render(&render::file("site-index", lang, "html"), &site.index)?.into(),
        ),
        ("style.css".into(), templates.render("site.css", &site.index.frame)?.into()),
        ("filter.js".into(), templates.render("site.js", &site.index.frame)?.into()),
    ];
    let page_template = render::file("site-measure", lang, "html");
    for page in &site.pages {
        let path = site::page_path(&page.measure.id);
        files.push((path, templates.render(&page_template, page)?.into()));
    }
    let done = write_site(&args.out, &files, args.force)?;
    let listing: String =
        done.written.iter().map(|rel| format!("{}\n", args.out.join(rel).display())).collect();
    ctx.print(&listing)?;
    let dir = args.out.display();
    let (pages, one_line) = (site.index.pages, site.index.one_line);
    ctx.note(lang.pick(
        format!(
            "Nettsiden er skrevet til {dir}: index.html med {}, og {} i tiltak/.",
            crate::lang::count(site.index.total, "tiltak", "tiltak"),
            crate::lang::count(pages, "tiltaksside", "tiltakssider"),
        ),
        format!(
            "The site is written to {dir}: index.html with {}, and {} in tiltak/.",
            crate::lang::count(site.index.total, "measure", "measures"),
            crate::lang::count(pages, "measure page", "measure pages"),
        ),
    ));
    if one_line > 0 {
        ctx.note(lang.pick(
            format!("{one_line} tiltak som bare settes inn gjennom ressursteamet, står som én linje hver, uten egen side."),
            format!(
                "{} set in only through the team: one line each, without a page of its own.",
                crate::lang::count(one_line, "measure", "measures")
            ),
        ));
    }
    if !done.removed.is_empty() {
        ctx.note(lang.pick(
            format!("Fjernet sider som ikke lenger hører med: {}", done.removed.join(", ")),
            format!("Removed pages that no longer belong: {}", done.removed.join(", ")),
        ));
    }
    Ok(0)
}
