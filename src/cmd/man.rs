//! `rt man`: the manual pages (roff), generated from the clap definitions: `rt.1` to standard
//! output, or with `--out DIR` one page per command (`rt.1`, `rt-refer.1`, `rt-tiltak-add.1`
//! …) ready for `MANPATH`.

use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::lang::Lang;
use crate::session::Setup;
use crate::store::atomic::{self, Privacy};

/// Flags of `rt man`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Eksempler:
  rt man | man -l -                           les manualen nå
  rt man --out ~/.local/share/man/man1        én side per kommando; så `man rt-refer`")]
pub struct Args {
    /// Skriv én side per kommando i denne mappen (ellers rt.1 til skjermen)
    #[arg(long, value_name = "MAPPE")]
    pub out: Option<PathBuf>,
}

/// Every page: (file name, roff text), the main page first.
pub fn pages(lang: Lang) -> Vec<(String, String)> {
    let mut cmd = crate::cli::command(lang);
    cmd.build();
    let mut pages = Vec::new();
    collect(&cmd, "rt", &mut pages);
    pages
}

fn collect(cmd: &clap::Command, name: &str, pages: &mut Vec<(String, String)>) {
    let page_cmd = cmd.clone().name(name.to_string()).bin_name(name.replace('-', " "));
    let mut out = Vec::new();
    // Rendering into memory cannot fail.
    let _ = clap_mangen::Man::new(page_cmd).render(&mut out);
    pages.push((format!("{name}.1"), String::from_utf8_lossy(&out).into_owned()));
    for sub in cmd.get_subcommands() {
        collect(sub, &format!("{name}-{}", sub.get_name()), pages);
    }
}

/// Runs `rt man`.
pub fn run(args: &Args, setup: &Setup) -> Result<i32, Error> {
    let lang = setup.lang;
    let pages = pages(lang);
    let Some(dir) = &args.out else {
        setup.print(&pages[0].1)?;
        return Ok(0);
    };
    crate::store::paths::check_output(dir)?;
    atomic::create_dirs(dir, Privacy::Shared).map_err(|e| Error::write(dir, e))?;
    for (name, text) in &pages {
        let path: PathBuf = Path::new(dir).join(name);
        crate::store::paths::write_output(&path, text.as_bytes(), Privacy::Shared)?;
    }
    setup.note(lang.pick(
        format!("{} manualsider skrevet i {}.", pages.len(), dir.display()),
        format!("{} manual pages written to {}.", pages.len(), dir.display()),
    ));
    Ok(0)
}
