//! The `rt` binary: everything lives in the library; this only hands over the arguments
//! and exits with the code the library chose.

fn main() {
    std::process::exit(rt::run(std::env::args_os()));
}
