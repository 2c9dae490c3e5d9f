fn main() -> std::process::ExitCode {
    forlop::cli::run()
}
