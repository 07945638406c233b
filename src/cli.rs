//! The command line: `ecslint [check] [PATH]...`, `ecslint rules`, `ecslint rule CODE|NAME`,
//! `ecslint schema`. Exit codes: 0 clean, 1 findings at or above the threshold, 2 usage,
//! configuration or I/O errors.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// `eprintln!` that never panics: a closed standard error (`2>&-`) must not crash a run.
macro_rules! say {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

use crate::config::{self, FailOn, LoadedConfig};
use crate::discover::{self, Filters, GlobList, Input};
use crate::engine::{self, FileStatus, Plan};
use crate::report::{self, Format};
use crate::rule::Registry;
use crate::suppress::Baseline;

#[derive(Parser, Debug)]
#[command(
    name = "ecslint",
    version,
    about = "A fast linter for Amazon ECS task definitions and services",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    check: CheckArgs,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Lint files and directories (the default command).
    Check(Box<CheckArgs>),
    /// List every rule.
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Human)]
        format: ListFormat,
    },
    /// Print the documentation of one rule.
    Rule {
        /// A rule code (ECS201) or name (host-port-mismatch).
        rule: String,
    },
    /// Print a JSON Schema: of `.ecslint.toml` (the default), or of an AWS API shape for an
    /// editor (`task-definition`, `service`…; `--list` names them all).
    Schema {
        /// `config`, or the name of an AWS API schema.
        name: Option<String>,
        /// List the schemas and what each describes.
        #[arg(long)]
        list: bool,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions { shell: clap_complete::Shell },
    /// Print the manual page (roff), generated from the command-line definition.
    Man,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ListFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Args, Debug, Default)]
struct CheckArgs {
    /// Files and directories to lint; `-` reads standard input. Default: the current directory.
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Write the report to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// When to use colour in human output (NO_COLOR is honoured by `auto`).
    #[arg(long, value_enum)]
    color: Option<ColorChoice>,
    /// The lowest severity that makes the exit code 1; `never` reports without failing.
    #[arg(long, value_enum, value_name = "SEVERITY")]
    fail_on: Option<FailOnArg>,
    /// Exit 0 whatever is found (I/O and usage errors still exit 2); the same as `--fail-on never`.
    #[arg(long)]
    exit_zero: bool,
    /// Use this configuration file instead of searching for `.ecslint.toml`.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// The set of rules to run when none are selected: deploy, recommended (the default),
    /// security or all; replaces the configured profile.
    #[arg(long, value_enum, value_name = "PROFILE")]
    profile: Option<crate::rule::Profile>,
    /// Rules to run (codes, prefixes, names, categories, ALL); replaces the configured set.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    select: Vec<String>,
    /// Rules not to run, in addition to the configured ones.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    ignore: Vec<String>,
    /// Only lint files matching these globs when walking directories.
    #[arg(long, value_name = "GLOB")]
    include: Vec<String>,
    /// Skip files and directories matching these globs when walking directories.
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// The file name to report for standard input (also decides JSON or YAML).
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
    /// List every file read and what ecslint made of it (on standard error).
    #[arg(long, short)]
    verbose: bool,
    /// Print only the findings: no summary, no notes, no progress.
    #[arg(long, short, conflicts_with = "verbose")]
    quiet: bool,
    /// Print a count per rule instead of the findings (human format).
    #[arg(long)]
    statistics: bool,
    /// Also list the findings that suppressions hid, and why (human and JSON formats).
    #[arg(long)]
    show_suppressed: bool,
    /// Report only findings that are not in this baseline file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record today's findings in this baseline file (and exit 0).
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Files larger than this many bytes are not read (default 10485760).
    #[arg(long, value_name = "BYTES")]
    max_file_size: Option<u64>,
    /// Report only on files changed since this git revision (the others are still read, so a
    /// changed service still sees its task definition).
    #[arg(long, value_name = "REF")]
    changed_since: Option<String>,
}

impl CheckArgs {
    /// The rule selection of the command line, which applies over every configuration.
    fn rule_flags(&self) -> config::RuleFlags<'_> {
        config::RuleFlags {
            select: (!self.select.is_empty()).then_some(self.select.as_slice()),
            ignore: &self.ignore,
            profile: self.profile,
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum FailOnArg {
    Error,
    Warning,
    Info,
    Never,
}

impl From<FailOnArg> for FailOn {
    fn from(s: FailOnArg) -> FailOn {
        match s {
            FailOnArg::Error => FailOn::Error,
            FailOnArg::Warning => FailOn::Warning,
            FailOnArg::Info => FailOn::Info,
            FailOnArg::Never => FailOn::Never,
        }
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check(args)) => check(*args),
        None => check(cli.check),
        Some(Command::Rules { format }) => {
            print(&rules_listing(format));
            ExitCode::SUCCESS
        }
        Some(Command::Rule { rule }) => {
            match Registry::builtin().find(&rule) {
                Some(r) => {
                    print(&r.docs);
                    ExitCode::SUCCESS
                }
                None => fail(
                    &match config::Selector::parse(&rule, &Registry::builtin()) {
                        Err(e) => e.replace("rule selector", "rule"),
                        Ok(_) => {
                            format!("`{rule}` names a group of rules, not one rule; see `ecslint rules`")
                        }
                    },
                ),
            }
        }
        Some(Command::Schema { name, list }) => schema(name.as_deref(), list),
        Some(Command::Completions { shell }) => {
            let mut out = Vec::new();
            clap_complete::generate(
                shell,
                &mut <Cli as clap::CommandFactory>::command(),
                "ecslint",
                &mut out,
            );
            print(&String::from_utf8_lossy(&out));
            ExitCode::SUCCESS
        }
        Some(Command::Man) => {
            print(&man_page());
            ExitCode::SUCCESS
        }
    }
}

/// A progress bar on standard error, drawn only once a run has taken a second.
struct Progress {
    bar: indicatif::ProgressBar,
    started: std::time::Instant,
    shown: std::sync::atomic::AtomicBool,
}

impl Progress {
    fn new(total: usize) -> Progress {
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(total as u64),
            indicatif::ProgressDrawTarget::hidden(),
        );
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{spinner} linting {pos}/{len} files {wide_bar}",
        ) {
            bar.set_style(style);
        }
        Progress {
            bar,
            started: std::time::Instant::now(),
            shown: std::sync::atomic::AtomicBool::new(false),
        }
    }

    fn tick(&self) {
        self.bar.inc(1);
        if self.started.elapsed() > std::time::Duration::from_secs(1)
            && !self.shown.swap(true, std::sync::atomic::Ordering::Relaxed)
        {
            self.bar
                .set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// The roff manual page, as committed in `docs/ecslint.1` (a test keeps it fresh).
pub fn man_page() -> String {
    let mut out = Vec::new();
    let _ = clap_mangen::Man::new(<Cli as clap::CommandFactory>::command()).render(&mut out);
    let mut page = String::from_utf8_lossy(&out).into_owned();
    page.push_str(MAN_EXTRA);
    page
}

/// The sections clap does not generate: exit status, files, environment, examples (roff).
const MAN_EXTRA: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
No finding at or above the failure threshold (\fB\-\-fail\-on\fR, default \fBerror\fR), or \fB\-\-exit\-zero\fR / \fB\-\-fail\-on never\fR. Also when the reader of standard output goes away (a closed pipe).
.TP
\fB1\fR
Findings at or above the threshold.
.TP
\fB2\fR
A usage, configuration or I/O error: a path that does not exist, an unreadable or invalid configuration, a file that could not be read.
.SH FILES
.TP
\fB.ecslint.toml\fR
The configuration. Each file is linted with the nearest one above it; the one nearest above the current directory also gives the run\-wide \fBfail\-on\fR, \fBmax\-file\-size\fR and \fBinclude\fR. \fB\-\-config\fR names one for every file instead; command\-line flags override both. Its globs are relative to its directory. \fBecslint schema\fR prints its JSON Schema.
.TP
\fBecslint\-baseline.json\fR
A baseline written by \fB\-\-write\-baseline\fR and read by \fB\-\-baseline\fR (any name).
.SH ENVIRONMENT
.TP
\fBNO_COLOR\fR
When set and not empty, \fB\-\-color auto\fR draws no colour.
.TP
\fBRAYON_NUM_THREADS\fR
The number of threads that read and lint files (default: one per core).
.TP
\fBCI\fR
Not read by ecslint; its own test suite fails instead of skipping the shared corpus when \fBCI=true\fR.
.SH EXAMPLES
.TP
\fBecslint\fR
Lint the current directory.
.TP
\fBecslint deploy/ \-\-format sarif \-o ecslint.sarif\fR
Write SARIF for code scanning.
.TP
\fBecslint \-\-changed\-since origin/main\fR
Report only on files changed since origin/main, and on what those changes break elsewhere.
.TP
\fBecslint \-\-write\-baseline ecslint\-baseline.json\fR
Accept today's findings; later runs with \fB\-\-baseline ecslint\-baseline.json\fR report only new ones.
.TP
\fBcat task.json | ecslint \-\-stdin\-filename task.json \-\fR
Lint standard input.
.TP
\fBecslint rule ECS201\fR
Show one rule's documentation.
"#;

/// `ecslint schema [NAME] [--list]`.
fn schema(name: Option<&str>, list: bool) -> ExitCode {
    use crate::structure::schemas::{by_name, API_SCHEMAS, BOTOCORE_VERSION};
    if list {
        let mut out = format!("{:<26}the configuration file `.ecslint.toml`\n", "config");
        for s in &API_SCHEMAS {
            out.push_str(&format!("{:<26}{}\n", s.name, s.summary));
        }
        out.push_str(&format!(
            "\nThe AWS API schemas are generated from botocore {BOTOCORE_VERSION}'s ECS model; `ecslint schema <name>` prints one.\n"
        ));
        print(&out);
        return ExitCode::SUCCESS;
    }
    match name {
        None | Some("config") => {
            print(&config::json_schema());
            ExitCode::SUCCESS
        }
        Some(name) => match by_name(name) {
            Some(s) => {
                print(s.text);
                ExitCode::SUCCESS
            }
            None => {
                let names: Vec<&str> = std::iter::once("config")
                    .chain(API_SCHEMAS.iter().map(|s| s.name))
                    .collect();
                fail(&format!(
                    "no schema named `{name}`; the schemas are: {}",
                    names.join(", ")
                ))
            }
        },
    }
}

fn print(s: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(s.as_bytes());
    if !s.ends_with('\n') {
        let _ = out.write_all(b"\n");
    }
}

fn fail(message: &str) -> ExitCode {
    say!("error: {message}");
    ExitCode::from(2)
}

fn rules_listing(format: ListFormat) -> String {
    match format {
        ListFormat::Json => {
            let rules: Vec<serde_json::Value> = Registry::builtin()
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "code": r.code,
                        "name": r.name,
                        "category": r.category.as_str(),
                        "severity": r.severity.as_str(),
                        "summary": r.summary(),
                    })
                })
                .collect();
            serde_json::to_string_pretty(&rules).unwrap_or_default() + "\n"
        }
        ListFormat::Human => {
            let registry = Registry::builtin();
            let name_w = registry.iter().map(|r| r.name.len()).max().unwrap_or(0);
            let mut out = String::new();
            for r in registry.iter() {
                out.push_str(&format!(
                    "{}  {:name_w$}  {:13}  {:7}  {}\n",
                    r.code,
                    r.name,
                    r.category.as_str(),
                    r.severity.as_str(),
                    r.summary()
                ));
            }
            out
        }
    }
}

/// `ecslint check`, in the steps a reader can name: load the configuration, make the plan
/// (with the command line's flags), find the inputs, lint, then either write a baseline or
/// tell what was not linted, render, write the output and decide the exit code.
fn check(args: CheckArgs) -> ExitCode {
    run_check(&args).unwrap_or_else(|e| fail(&e))
}

fn run_check(args: &CheckArgs) -> Result<ExitCode, String> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let loaded = load_config(args, &cwd)?;
    let (mut plan, filters) = plan(args, &loaded, &cwd)?;
    apply_flags(&mut plan, args, &cwd)?;
    let fail_on = fail_on(args, &loaded);
    let format = output_format(args)?;
    // Only the human format draws source excerpts.
    plan.excerpts = format == Format::Human;
    let mut found = inputs(args, &filters)?;
    if args.config.is_none() {
        nested_configs(&mut plan, &mut found.inputs, &loaded, args, &cwd)?;
    }
    let (outcome, elapsed) = lint(&found.inputs, &plan, format, args.quiet);
    if let Some(path) = &args.write_baseline {
        return write_baseline(path, args, &outcome, &found);
    }
    tell_statuses(args, &found, &outcome);
    // Nothing was found to lint and something was wrong: the errors say it all.
    let nothing = found.inputs.is_empty() && !found.errors.is_empty();
    let written = match emit(args, |w: &mut dyn Write| {
        if nothing {
            Ok(())
        } else {
            write_report(args, format, &outcome, &cwd, elapsed, w)
        }
    }) {
        Emitted::Done(result) => result,
        // The reader went away (`ecslint | head -1`): end quietly, as ripgrep does.
        Emitted::ReaderGone => return Ok(ExitCode::SUCCESS),
    };
    Ok(conclude(
        args,
        format,
        &outcome,
        found.errors,
        written,
        fail_on,
    ))
}

/// The configuration named by `--config`, else the one found from the current directory,
/// else none.
fn load_config(args: &CheckArgs, cwd: &Path) -> Result<LoadedConfig, String> {
    match &args.config {
        Some(path) => config::load(path),
        None => match config::discover(cwd) {
            Some(path) => config::load(&path),
            None => Ok(LoadedConfig {
                base: cwd.to_path_buf(),
                ..LoadedConfig::default()
            }),
        },
    }
}

/// The flags that change the plan beyond rule selection: the size limit, `--changed-since`,
/// the baseline.
fn apply_flags(plan: &mut Plan, args: &CheckArgs, cwd: &Path) -> Result<(), String> {
    if let Some(size) = args.max_file_size {
        plan.max_file_size = config::checked_size(size)
            .map_err(|e| e.replace("`max-file-size`", "--max-file-size"))?;
    }
    if let Some(rev) = &args.changed_since {
        let mut paths: Vec<PathBuf> = args
            .paths
            .iter()
            .filter(|p| p.as_os_str() != "-")
            .cloned()
            .collect();
        if paths.is_empty() {
            paths.push(cwd.to_path_buf());
        }
        plan.only_files = Some(discover::changed_since(rev, &paths)?);
    }
    if let Some(path) = &args.baseline {
        plan.baseline = Some(Baseline::load(path)?);
    }
    Ok(())
}

fn fail_on(args: &CheckArgs, loaded: &LoadedConfig) -> FailOn {
    if args.exit_zero {
        return FailOn::Never;
    }
    args.fail_on
        .map(FailOn::from)
        .or(loaded.config.fail_on)
        .unwrap_or(FailOn::Error)
}

fn output_format(args: &CheckArgs) -> Result<Format, String> {
    let format = args.format.unwrap_or(Format::Human);
    if args.statistics && !matches!(format, Format::Human | Format::Json) {
        return Err(format!(
            "--statistics counts findings per rule in the human and json formats, not in {}; drop it, or use --format json and read `statistics`",
            format_name(format)
        ));
    }
    Ok(format)
}

/// The files to lint: the paths walked (`.` when none is given), and standard input for `-`.
fn inputs(args: &CheckArgs, filters: &Filters) -> Result<discover::Discovered, String> {
    let mut paths: Vec<PathBuf> = args.paths.clone();
    if paths.is_empty() {
        paths.push(PathBuf::from("."));
    }
    let (stdin_requested, paths): (Vec<PathBuf>, Vec<PathBuf>) =
        paths.into_iter().partition(|p| p.as_os_str() == "-");
    let mut found = discover::discover(&paths, filters);
    if !stdin_requested.is_empty() {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        let name = args
            .stdin_filename
            .clone()
            .unwrap_or_else(|| "-".to_string());
        found.inputs.push(Input {
            path: Some(discover::absolute(Path::new(&name))),
            display: name,
            stdin: Some(text),
            explicit: true,
            claimed: false,
            bound: None,
        });
    } else if args.stdin_filename.is_some() {
        return Err("--stdin-filename needs `-` among the paths".to_string());
    }
    Ok(found)
}

/// Lints, with a progress bar on a terminal, and says how long it took.
fn lint(
    inputs: &[Input],
    plan: &Plan,
    format: Format,
    quiet: bool,
) -> (engine::Outcome, std::time::Duration) {
    let started = std::time::Instant::now();
    let outcome = if format == Format::Human && !quiet && std::io::stderr().is_terminal() {
        let bar = Progress::new(inputs.len());
        let outcome = engine::run_with_progress(inputs, plan, &|| bar.tick());
        bar.finish();
        outcome
    } else {
        engine::run(inputs, plan)
    };
    (outcome, started.elapsed())
}

/// `--write-baseline`: records every finding and ends the run.
fn write_baseline(
    path: &Path,
    args: &CheckArgs,
    outcome: &engine::Outcome,
    found: &discover::Discovered,
) -> Result<ExitCode, String> {
    let text = Baseline::render(outcome.all_findings(), &outcome.files);
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    if !args.quiet {
        say!(
            "Wrote {} finding(s) to {}; run with --baseline {} to report only new ones.",
            outcome.all_findings().len(),
            path.display(),
            path.display()
        );
    }
    Ok(if outcome.errors.is_empty() && found.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}

/// On stderr: with `--verbose`, what became of each file; always, the files the user named
/// that ecslint does not read.
fn tell_statuses(args: &CheckArgs, found: &discover::Discovered, outcome: &engine::Outcome) {
    if args.verbose {
        for (file, status) in outcome.files.iter().zip(&outcome.statuses) {
            match status {
                FileStatus::Linted {
                    shapes,
                    placeholders,
                } => {
                    let template = match placeholders {
                        0 => String::new(),
                        1 => "; a template: 1 placeholder read as an unknown value".to_string(),
                        n => format!("; a template: {n} placeholders read as unknown values"),
                    };
                    say!("linted: {} ({}{template})", file.display, shapes.join(", "))
                }
                FileStatus::Reported(what) => say!("linted: {} ({what})", file.display),
                FileStatus::Skipped(why) => say!("skipped: {} ({why})", file.display),
                FileStatus::NotRead { format, .. } => say!(
                    "not read: {} ({}: {})",
                    file.display,
                    format.noun().0,
                    format.why()
                ),
                FileStatus::Failed(_) => {}
            }
        }
        return;
    }
    for ((input, file), status) in found
        .inputs
        .iter()
        .zip(&outcome.files)
        .zip(&outcome.statuses)
    {
        if let (true, FileStatus::NotRead { format, .. }) = (input.explicit, status) {
            say!(
                "warning: {}: not read ({})",
                file.display,
                format.sentence()
            );
        }
    }
}

/// Writes the report in the format asked for to `out`: JSON, SARIF and JUnit as they are
/// produced, the other formats rendered first.
fn write_report(
    args: &CheckArgs,
    format: Format,
    outcome: &engine::Outcome,
    cwd: &Path,
    elapsed: std::time::Duration,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => {
            return report::json::write_with(outcome, args.show_suppressed, args.statistics, out)
        }
        Format::Junit => return report::junit::write(outcome, out),
        Format::Sarif => return report::sarif::write(outcome, cwd, out),
        _ => {}
    }
    out.write_all(render(args, format, outcome, cwd, elapsed).as_bytes())
}

/// The report, in the format asked for.
fn render(
    args: &CheckArgs,
    format: Format,
    outcome: &engine::Outcome,
    cwd: &Path,
    elapsed: std::time::Duration,
) -> String {
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let color = match args.color.unwrap_or(ColorChoice::Auto) {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    match format {
        Format::Human => report::human::render_with(
            outcome,
            &report::human::Options {
                color,
                quiet: args.quiet,
                statistics: args.statistics,
                show_suppressed: args.show_suppressed,
                elapsed: to_terminal.then_some(elapsed),
            },
        ),
        Format::Json => report::json::render_with(outcome, args.show_suppressed, args.statistics),
        Format::Sarif => report::sarif::render(outcome, cwd),
        Format::Github => report::github::render(outcome),
        Format::Junit => report::junit::render(outcome),
        Format::Markdown => report::markdown::render(outcome),
    }
}

enum Emitted {
    Done(Result<(), String>),
    ReaderGone,
}

/// Writes the report (`write`) to `--output` or standard output, buffered.
fn emit(args: &CheckArgs, write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Emitted {
    Emitted::Done(match &args.output {
        Some(path) => std::fs::File::create(path)
            .and_then(|file| {
                let mut out = std::io::BufWriter::new(file);
                write(&mut out)?;
                out.flush()
            })
            .map_err(|e| format!("cannot write {}: {e}", path.display())),
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            match write(&mut out).and_then(|()| out.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Emitted::ReaderGone,
                other => other.map_err(|e| format!("cannot write output: {e}")),
            }
        }
    })
}

/// The closing notes on stderr, and the exit code: 2 for I/O errors, 1 for findings at or
/// above `fail_on`, else 0.
fn conclude(
    args: &CheckArgs,
    format: Format,
    outcome: &engine::Outcome,
    found_errors: Vec<String>,
    written: Result<(), String>,
    fail_on: FailOn,
) -> ExitCode {
    for (file, n) in &outcome.not_shown {
        say!(
            "warning: {file}: {n} more findings not shown (at most {} per file)",
            engine::MAX_FINDINGS_PER_FILE
        );
    }
    if format != Format::Human && !args.quiet {
        let _ = write!(
            std::io::stderr(),
            "{}",
            report::human::baseline_note(outcome)
        );
    }
    let mut io_errors = found_errors;
    io_errors.extend(outcome.errors.iter().cloned());
    if let Err(e) = written {
        io_errors.push(e);
    }
    for e in &io_errors {
        say!("error: {e}");
    }
    if !io_errors.is_empty() {
        ExitCode::from(2)
    } else if outcome.findings.iter().any(|f| fail_on.fails(f.severity)) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The configuration files nearest above the files to lint, other than the run's own: each
/// becomes a scope of the plan, whose rule settings apply to the files under it, and whose
/// `exclude` drops walked files under it.
fn nested_configs(
    plan: &mut Plan,
    inputs: &mut Vec<Input>,
    loaded: &LoadedConfig,
    args: &CheckArgs,
    cwd: &Path,
) -> Result<(), String> {
    let mut cache = std::collections::HashMap::new();
    let mut found: Vec<PathBuf> = inputs
        .iter()
        .filter(|i| i.stdin.is_none())
        .filter_map(|i| i.path.as_deref())
        .filter_map(|p| config::nearest(p, &mut cache))
        .filter(|p| Some(p) != loaded.path.as_ref())
        .collect();
    found.sort();
    found.dedup();
    for path in found {
        let nested = config::load(&path)?;
        plan.scopes.push(config::scope(
            &nested,
            args.rule_flags(),
            cwd,
            &plan.registry,
        )?);
    }
    if !plan.scopes.is_empty() {
        inputs.retain(|input| {
            let k = plan.scope_of(input);
            input.explicit
                || k == 0
                || !input
                    .path
                    .as_deref()
                    .is_some_and(|p| plan.scopes[k - 1].exclude.matches(p))
        });
    }
    Ok(())
}

fn format_name(format: Format) -> String {
    format
        .to_possible_value()
        .map_or_else(String::new, |v| v.get_name().to_string())
}

fn plan(args: &CheckArgs, loaded: &LoadedConfig, cwd: &Path) -> Result<(Plan, Filters), String> {
    let c = &loaded.config;
    let mut plan = Plan::new(crate::suppress::Date::today());
    config::apply(&mut plan, loaded, args.rule_flags(), cwd)?;
    let filters = Filters {
        include: vec![
            GlobList::new(&c.include, &loaded.base)?,
            GlobList::new(&args.include, cwd)?,
        ],
        exclude: vec![
            GlobList::new(&c.exclude, &loaded.base)?,
            GlobList::new(&args.exclude, cwd)?,
        ],
    };
    Ok((plan, filters))
}
