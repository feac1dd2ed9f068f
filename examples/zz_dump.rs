fn walk(cmd: &clap::Command, path: String) {
    println!(
        "CMD {path}: {:?} || {:?}",
        cmd.get_about().map(|s| s.to_string()),
        cmd.get_after_help().map(|s| s.to_string())
    );
    for a in cmd.get_arguments() {
        println!("  ARG {} : {:?}", a.get_id(), a.get_help().map(|s| s.to_string()));
    }
    for s in cmd.get_subcommands() {
        walk(s, format!("{path} {}", s.get_name()));
    }
}
fn main() {
    walk(&rt::cli::command(rt::lang::Lang::Nb), "rt".into());
}
