//! One file, in the steps a reader can name: **read** its bytes (within the size limit),
//! **classify** it (JSON, YAML, or a format not read), **parse** it into the spanned tree,
//! **recognise** its ECS resources, **check** them with the enabled rules, and **keep** what
//! the rest of the run needs (findings, linked resources, masked text, suppression comments).
//! [`lint_text`] is the same on a text already in memory (an editor buffer, a browser build).

use std::sync::Arc;

use super::{FileStatus, Plan, MAX_FINDINGS_PER_FILE};
use crate::classify::{self, Source};
use crate::discover::Input;
use crate::finding::{FileId, Finding};
use crate::link::{self, Linked};
use crate::load::{self, LoadError, Node, Parsed, Syntax};
use crate::model::{self, Recognised, Resource};
use crate::rule::{Check, Options, Rule, Sink};
use crate::span::{LineIndex, Span};
use crate::suppress::{self, FileSuppression};

/// What one file yields for the rest of the run.
#[derive(Debug, Default)]
pub struct FileLint {
    pub status: FileStatus,
    pub findings: Vec<Finding>,
    /// What the file contributes to the workspace, for cross-file rules.
    pub linked: Vec<Linked>,
    /// The file's text with every secret masked, kept only when a finding needs it.
    pub text: Option<Arc<str>>,
    /// Its line index, instead of the text, when the report draws no excerpt and the text is
    /// ASCII (positions need nothing more).
    pub lines: Option<Box<LineIndex>>,
    /// Secret values the model found (masked whenever the text is kept).
    pub secrets: Vec<Span>,
    pub comments: Vec<FileSuppression>,
    /// Over the size limit: never read back for rendering.
    pub too_large: bool,
    pub parsed: bool,
    /// Findings past [`MAX_FINDINGS_PER_FILE`], dropped.
    pub not_shown: usize,
    /// The files its task definitions' container definitions were read from (a `.tf` file's
    /// `file()`/`templatefile()`), with the findings in them.
    pub followed: Vec<super::followed::FollowedFile>,
}

impl FileLint {
    fn with_status(status: FileStatus) -> FileLint {
        FileLint {
            status,
            ..FileLint::default()
        }
    }
}

/// The rules that run on a file (indexed like the registry): whether each is enabled there,
/// and its options from the file's configuration.
pub(super) struct Rules<'a> {
    pub mask: &'a [bool],
    pub options: &'a [Option<Options>],
}

impl Rules<'_> {
    fn on(&self, rule: usize) -> bool {
        self.mask.get(rule).copied().unwrap_or(false)
    }
}

/// Lints one text in memory, with every rule `plan` enables (and per-file ignores for
/// `path`): no file is read. Cross-file rules need [`super::link`] over several files.
pub fn lint_text(path: &str, text: &str, plan: &Plan) -> FileLint {
    let input = Input {
        display: path.to_string(),
        path: None,
        stdin: Some(text.to_string()),
        explicit: true,
        claimed: false,
        bound: None,
    };
    let mask = plan.mask_for(&input, 0);
    let rules = Rules {
        mask: &mask,
        options: &plan.settings(0).options,
    };
    lint_source(0, &input, text.to_string(), None, &rules, plan)
}

/// Reads and lints the file of `input`.
pub(super) fn lint_input(id: FileId, input: &Input, mask: &Rules<'_>, plan: &Plan) -> FileLint {
    match read(input, plan.max_file_size) {
        Ok(text) => lint_source(id, input, text, None, mask, plan),
        Err(Unread::NotUtf8(lossy, at)) => lint_source(id, input, lossy, Some(at), mask, plan),
        Err(Unread::Io(msg)) => FileLint::with_status(FileStatus::Failed(msg)),
        Err(Unread::TooBig(len, head)) => too_large(id, input, len, &head, mask, plan),
    }
}

/// A sink for `rule` in file `id`, when the rule runs on it.
fn sink_for<'a>(
    rule: &Rule,
    id: FileId,
    mask: &Rules<'_>,
    plan: &'a Plan,
    out: &'a mut Vec<Finding>,
) -> Option<Sink<'a>> {
    let rule = plan.registry.of(rule)?;
    mask.on(rule.index()).then_some(Sink {
        rule,
        file: id,
        resource: None,
        doc: None,
        within: None,
        options: None,
        out,
    })
}

/// A file over the size limit: one finding about it (when it is worth one), never read back.
fn too_large(
    id: FileId,
    input: &Input,
    len: u64,
    head: &str,
    mask: &Rules<'_>,
    plan: &Plan,
) -> FileLint {
    let limit = plan.max_file_size;
    let message =
        format!("the file is larger than the size limit ({len} bytes; the limit is {limit})");
    if !(input.explicit || input.claimed || model::looks_like_ecs(head)) {
        return FileLint::with_status(FileStatus::Skipped(message));
    }
    let mut out = FileLint::with_status(FileStatus::Reported("over the size limit"));
    if let Some(mut sink) = sink_for(
        &crate::checks::file_too_large::RULE,
        id,
        mask,
        plan,
        &mut out.findings,
    ) {
        sink.report(Span::new(0, 0), message)
            .help("split the file, or raise `max-file-size` in .ecslint.toml (or --max-file-size)");
    }
    out.too_large = true;
    out
}

/// A file of nothing but whitespace (or a byte-order mark): worth a finding only when the
/// user named it.
fn empty(id: FileId, input: &Input, text: &str, mask: &Rules<'_>, plan: &Plan) -> Option<FileLint> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !body.trim().is_empty() {
        return None;
    }
    if !(input.explicit || input.claimed) {
        return Some(FileLint::with_status(FileStatus::Skipped(
            "empty file".to_string(),
        )));
    }
    let what = if text.is_empty() {
        "the file is empty"
    } else if body.is_empty() {
        "the file holds only a byte-order mark"
    } else {
        "the file holds only whitespace"
    };
    let mut out = FileLint::with_status(FileStatus::Reported("empty"));
    if let Some(mut sink) = sink_for(
        &crate::checks::empty_file::RULE,
        id,
        mask,
        plan,
        &mut out.findings,
    ) {
        sink.report(Span::new(0, 0), what)
            .help("remove the file, or write the configuration it should hold");
    }
    out.text = (!out.findings.is_empty()).then(|| Arc::from(text));
    Some(out)
}

/// Lints a file's text (`not_utf8`: where its first invalid byte was, the text being lossy).
fn lint_source(
    id: FileId,
    input: &Input,
    text: String,
    not_utf8: Option<usize>,
    mask: &Rules<'_>,
    plan: &Plan,
) -> FileLint {
    if not_utf8.is_none() {
        if let Some(out) = empty(id, input, &text, mask, plan) {
            return out;
        }
    }
    let sniff = input.claimed || input.stdin.is_some();
    let syntax = match classify::classify(&input.display, &text, sniff) {
        Source::Parse(syntax) => syntax,
        Source::NotRead(format) => {
            let counted = input.explicit || format.holds_ecs(&text);
            return FileLint::with_status(FileStatus::NotRead { format, counted });
        }
    };
    if syntax == Syntax::Hcl && !input.explicit && !model::recognise::terraform::may_hold_ecs(&text)
    {
        return FileLint::with_status(FileStatus::Skipped(
            "a Terraform file without ECS or Elastic Load Balancing resources".to_string(),
        ));
    }
    // A `.tf` file's container definitions may be in files it names: their texts are appended
    // to its text, read as part of it, and what is found in them moved into them.
    let mut text = text;
    let gathered = match (syntax, not_utf8) {
        (Syntax::Hcl, None) => super::followed::gather(&mut text, input, plan.max_file_size),
        _ => super::followed::Gathered {
            tf_len: text.len(),
            ..Default::default()
        },
    };
    let own = gathered.tf_len;
    let mut out = FileLint::default();
    out.status = match parse(&text[..own], syntax, not_utf8) {
        Err(err) => unparseable(
            id,
            input,
            &text,
            syntax,
            &err,
            mask,
            plan,
            &mut out.findings,
        ),
        Ok(mut parsed) => {
            out.parsed = true;
            let spliced = gathered.spliced();
            parsed.docs = (parsed.docs.into_iter())
                .map(|doc| model::recognise::terraform::follow::splice(doc, &spliced, &text))
                .map(|doc| model::recognise::shape(doc, &text, syntax))
                .collect();
            recognise_and_check(id, input, &text, parsed, mask, plan, &mut out)
        }
    };
    refused(id, &gathered.refused, mask, plan, &mut out.findings);
    if !gathered.segments.is_empty() {
        out.followed = gathered.rehome(&text, &mut out.findings, &mut out.secrets);
        for f in &mut out.followed {
            f.findings.truncate(MAX_FINDINGS_PER_FILE);
        }
    }
    let text = &text[..own];
    if matches!(syntax, Syntax::Yaml | Syntax::Hcl) {
        out.comments.extend(suppress::comments(
            text,
            &plan.registry,
            syntax == Syntax::Hcl,
        ));
    }
    keep(out, text, plan.excerpts)
}

/// The files a `.tf` file names for its container definitions that were not read: a finding
/// each (ECS014 when Terraform itself cannot read it, ECS015 when ecslint does not).
fn refused(
    id: FileId,
    refused: &[super::followed::Refusal],
    mask: &Rules<'_>,
    plan: &Plan,
    findings: &mut Vec<Finding>,
) {
    use super::followed::Why;
    for r in refused {
        let (rule, message, help) = match &r.why {
            Why::Missing => (
                &crate::checks::followed_file_missing::RULE,
                format!(
                    "container definitions file `{}` does not exist: `terraform plan` fails to read it",
                    r.shown
                ),
                "fix the path, or add the file".to_string(),
            ),
            Why::NotHere => (
                &crate::checks::file_not_followed::RULE,
                format!(
                    "container definitions file `{}` not read: there is no such file in this \
                     directory (Terraform resolves a relative path from the directory it runs in)",
                    r.shown
                ),
                "write the path under `${path.module}/` so it names one file wherever \
                 Terraform runs"
                    .to_string(),
            ),
            Why::Outside => (
                &crate::checks::file_not_followed::RULE,
                format!(
                    "container definitions file `{}` not read: it is outside the linted directory \
                     and its repository",
                    r.shown
                ),
                "lint a directory that holds both files".to_string(),
            ),
            Why::Unreadable(why) => (
                &crate::checks::file_not_followed::RULE,
                format!("container definitions file `{}` not read: {why}", r.shown),
                "lint the file on its own, or make it readable".to_string(),
            ),
        };
        if let Some(mut sink) = sink_for(rule, id, mask, plan, findings) {
            let f = sink.report(r.at, message).help(help);
            f.pointer = format!("/resource/{}/containerDefinitions", r.resource);
            f.stable = f.pointer.clone();
            f.resource = Some(r.resource.clone());
        }
    }
}

/// The file's documents, or why it cannot be parsed: binary, not UTF-8, a syntax error.
fn parse(text: &str, syntax: Syntax, not_utf8: Option<usize>) -> Result<Parsed<'_>, LoadError> {
    let nul = memchr::memchr(0, text.as_bytes());
    match (not_utf8, nul) {
        (_, Some(at)) if not_utf8.is_none_or(|bad| at < bad) => Err(LoadError {
            span: Span::new(at, at + 1),
            message: format!("the file is binary (a NUL byte at offset {at}), not text"),
        }),
        (Some(at), _) => Err(LoadError {
            span: Span::new(at, at + '\u{fffd}'.len_utf8()),
            message: format!("the file is not UTF-8 text (invalid byte at offset {at})"),
        }),
        _ => load::parse_file(text, syntax),
    }
}

/// A file that does not parse: one located finding when it is worth one.
#[allow(clippy::too_many_arguments)]
fn unparseable(
    id: FileId,
    input: &Input,
    text: &str,
    syntax: Syntax,
    err: &LoadError,
    mask: &Rules<'_>,
    plan: &Plan,
    findings: &mut Vec<Finding>,
) -> FileStatus {
    if !report_unparseable(input, text) {
        return FileStatus::Skipped(format!(
            "does not parse as {} and does not look like ECS configuration",
            syntax.name()
        ));
    }
    let (rule, what, help) = match syntax {
        Syntax::Json => (
            &crate::checks::invalid_json::RULE,
            "JSON",
            "fix the syntax; ECS and the AWS CLI accept only strict JSON",
        ),
        Syntax::Yaml => (
            &crate::checks::invalid_yaml::RULE,
            "YAML",
            "fix the syntax; a file that does not parse cannot be checked",
        ),
        Syntax::Hcl => (
            &crate::checks::invalid_hcl::RULE,
            "HCL",
            "fix the syntax; `terraform validate` rejects it too",
        ),
    };
    if let Some(mut sink) = sink_for(rule, id, mask, plan, findings) {
        match placeholder_at(text, err.span) {
            Some(token) => {
                sink.report(
                    token,
                    format!(
                        "invalid {what}: unquoted template placeholder `{}`",
                        &text[token.range()]
                    ),
                )
                .help(format!(
                    "lint the rendered file, or quote the placeholder so the file is valid {what}"
                ));
            }
            None => {
                sink.report(
                    visible(err.span, text),
                    format!("invalid {what}: {}", err.message),
                )
                .help(help);
            }
        }
    }
    FileStatus::Reported("does not parse")
}

/// Recognises the resources of every document and runs the enabled rules on them.
fn recognise_and_check(
    id: FileId,
    input: &Input,
    text: &str,
    parsed: Parsed<'_>,
    mask: &Rules<'_>,
    plan: &Plan,
    out: &mut FileLint,
) -> FileStatus {
    let mut shapes = Vec::new();
    let mut skipped = None;
    let mut not_read = None;
    // Logical ids are unique within a template, not within a file: a second template in the
    // same YAML stream is checked, not linked (its ids would be taken for the first's).
    let mut templates = 0usize;
    for doc in &parsed.docs {
        let template = doc.has("Resources");
        templates += usize::from(template);
        let link_it = !template || templates == 1;
        match model::recognise_as(doc, text, parsed.syntax) {
            Recognised::Skipped(why) => skipped = Some(why),
            Recognised::NotRead(format) => not_read = Some(format),
            Recognised::Resources(resources) => {
                let scenarios = if doc.has("Resources") {
                    out.comments
                        .extend(suppress::metadata(doc, text, &plan.registry));
                    model::conditions::scenarios(doc)
                } else {
                    model::conditions::Scenarios::default()
                };
                out.secrets.extend(crate::secrets::spans(&resources));
                for resource in &resources {
                    shapes.push(resource.describe());
                    if scenarios.is_empty() {
                        check(id, doc, resource, mask, plan, &mut out.findings);
                    }
                    // Linked as written: what an `Fn::If` chooses stays unknown to the links.
                    if let Some(l) = link::linked(id, resource, doc).filter(|_| link_it) {
                        out.linked.push(l);
                    }
                }
                if !scenarios.is_empty() {
                    check_scenarios(id, text, doc, &scenarios, mask, plan, out);
                }
            }
        }
    }
    match (shapes.is_empty(), not_read) {
        (true, Some(format)) => FileStatus::NotRead {
            format,
            counted: input.explicit || format.holds_ecs(text),
        },
        (true, None) => FileStatus::Skipped(skipped.unwrap_or("empty file").to_string()),
        (false, _) => FileStatus::Linted {
            shapes,
            placeholders: parsed.placeholders,
        },
    }
}

/// Checks each scenario of a template whose ECS resources choose values with `Fn::If`
/// ([`model::conditions`]), built one at a time: a finding made in every scenario once, as
/// it is; one made in some saying when.
fn check_scenarios(
    id: FileId,
    text: &str,
    doc: &Node<'_>,
    scenarios: &model::conditions::Scenarios,
    mask: &Rules<'_>,
    plan: &Plan,
    out: &mut FileLint,
) {
    type Key = (usize, Span, String);
    let mut made: Vec<(Finding, Vec<usize>)> = Vec::new();
    let mut index: std::collections::HashMap<Key, usize> = std::collections::HashMap::new();
    let mut whens = Vec::with_capacity(scenarios.len());
    for si in 0..scenarios.len() {
        let scenario = scenarios.build(doc, si);
        whens.push(scenario.when.clone());
        let Recognised::Resources(resources) = model::recognise(&scenario.doc, text) else {
            continue;
        };
        out.secrets.extend(crate::secrets::spans(&resources));
        let mut found = Vec::new();
        for resource in &resources {
            check(id, &scenario.doc, resource, mask, plan, &mut found);
        }
        for f in found {
            let key = (f.rule.index(), f.span, f.message.clone());
            match index.get(&key) {
                Some(&i) => made[i].1.push(si),
                None => {
                    index.insert(key, made.len());
                    made.push((f, vec![si]));
                }
            }
        }
    }
    for (mut f, made_in) in made {
        if made_in.len() < whens.len() {
            f.message
                .push_str(&model::conditions::describe(&whens, &made_in));
        }
        out.findings.push(f);
    }
    out.secrets.sort_unstable_by_key(|s| (s.start, s.end));
    out.secrets.dedup();
}

/// Runs every enabled rule that checks this kind of resource: task definition rules, then
/// container rules once per container, service rules, and run-time registered rules.
fn check<'t>(
    id: FileId,
    doc: &'t Node<'t>,
    resource: &Resource<'t>,
    mask: &Rules<'_>,
    plan: &Plan,
    out: &mut Vec<Finding>,
) {
    let name = resource.name();
    // Validated once, for whichever structural rules run.
    let mut problems: Option<Vec<crate::structure::Problem<'t>>> = None;
    for rule in plan.registry.iter() {
        let applies = matches!(
            (&rule.check, resource),
            (
                Check::TaskDef(_) | Check::Container(_),
                Resource::TaskDef(_)
            ) | (Check::Service(_), Resource::Service(_))
                | (Check::Listener(_), Resource::Listener(_))
                | (Check::Cluster(_), Resource::Cluster(_))
                | (
                    Check::Resource(_),
                    Resource::TaskDef(_) | Resource::Service(_) | Resource::Cluster(_)
                )
                | (Check::Dynamic(_), _)
                | (Check::Structure(_), _)
        );
        if !applies || !mask.on(rule.index()) {
            continue;
        }
        let mut sink = Sink {
            rule,
            file: id,
            resource: name,
            doc: Some(doc),
            within: None,
            options: mask.options.get(rule.index()).and_then(Option::as_ref),
            out: &mut *out,
        };
        match (&rule.check, resource) {
            (Check::TaskDef(f), Resource::TaskDef(td)) => f(td, &mut sink),
            (Check::Container(f), Resource::TaskDef(td)) => {
                for c in &td.containers {
                    sink.within = Some(c.node);
                    f(td, c, &mut sink);
                }
            }
            (Check::Service(f), Resource::Service(s)) => f(s, &mut sink),
            (Check::Listener(f), Resource::Listener(l)) => f(l, &mut sink),
            (Check::Cluster(f), Resource::Cluster(c)) if c.associates_with.is_none() => {
                f(c, &mut sink)
            }
            (Check::Resource(f), r) => f(r, &mut sink),
            (Check::Dynamic(f), r) => f(r, &mut sink),
            (Check::Structure(f), r) => {
                let problems =
                    problems.get_or_insert_with(|| crate::structure::problems_of(doc, r));
                for p in problems.iter() {
                    f(p, &mut sink);
                }
            }
            _ => {}
        }
    }
}

/// What a file leaves behind lives until the end of the run, for every file: at most
/// [`MAX_FINDINGS_PER_FILE`] findings (a hostile file can produce them by the hundred
/// thousand), no spare capacity, and its text (secrets masked) only when a finding needs it.
fn keep(mut out: FileLint, text: &str, excerpts: bool) -> FileLint {
    out.not_shown = out.findings.len().saturating_sub(MAX_FINDINGS_PER_FILE);
    out.findings.truncate(MAX_FINDINGS_PER_FILE);
    out.findings.shrink_to_fit();
    out.linked.shrink_to_fit();
    out.secrets.shrink_to_fit();
    if let FileStatus::Linted { shapes, .. } = &mut out.status {
        shapes.shrink_to_fit();
    }
    // The human format keeps a file's text for the excerpts of its findings. The others keep
    // what positions need (the line index, or the text when it is not ASCII), also for a file
    // holding a site a cross-file rule may report at, so it is not read again after linking.
    let has_findings = !out.findings.is_empty();
    let keep = has_findings || (!excerpts && out.linked.iter().any(Linked::has_sites));
    if keep {
        match (!excerpts).then(|| LineIndex::new(text)) {
            Some(lines) if lines.is_ascii() => out.lines = Some(Box::new(lines)),
            _ => out.text = Some(masked(text, &out.secrets, out.parsed)),
        }
    }
    out
}

/// Why a file's text could not be had.
pub(super) enum Unread {
    /// Over the size limit: its size, and the text of its first 64 KiB (to tell whether it
    /// looks like ECS configuration).
    TooBig(u64, String),
    /// Not UTF-8: the text with invalid bytes replaced, and where the first one is.
    NotUtf8(String, usize),
    Io(String),
}

fn read(input: &Input, limit: u64) -> Result<String, Unread> {
    if let Some(text) = &input.stdin {
        if text.len() as u64 > limit {
            return Err(Unread::TooBig(text.len() as u64, head(text.as_bytes())));
        }
        return Ok(text.clone());
    }
    let Some(path) = &input.path else {
        return Err(Unread::Io("no path".into()));
    };
    read_path(path, limit)
}

/// Reads the file at `path`, within the size limit.
pub(super) fn read_path(path: &std::path::Path, limit: u64) -> Result<String, Unread> {
    // One open; the size comes from the handle. At most `limit + 1` bytes are read, so a file
    // that grows meanwhile (or a device that never ends) cannot exhaust memory.
    let io = |e: std::io::Error| Unread::Io(e.to_string());
    let file = std::fs::File::open(path).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    let mut bytes = Vec::with_capacity(usize::try_from(len.min(limit)).unwrap_or(0) + 1);
    std::io::Read::read_to_end(
        &mut std::io::Read::take(file, limit.saturating_add(1)),
        &mut bytes,
    )
    .map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(Unread::TooBig(len.max(bytes.len() as u64), head(&bytes)));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        Unread::NotUtf8(String::from_utf8_lossy(e.as_bytes()).into_owned(), at)
    })
}

fn head(bytes: &[u8]) -> String {
    String::from_utf8_lossy(&bytes[..bytes.len().min(64 * 1024)]).into_owned()
}

/// Whether a file that does not parse is worth a finding: named on the command line with a
/// JSON or YAML name (or read from standard input), matched by an include glob, or naming
/// ECS keys. A README named by a shell glob, or a `tsconfig.json` with comments found while
/// walking, is not ecslint's business.
fn report_unparseable(input: &Input, text: &str) -> bool {
    let lower = input.display.to_ascii_lowercase();
    let config_name = [".json", ".yaml", ".yml", ".tf"]
        .iter()
        .any(|e| lower.ends_with(e));
    let terraform_ecs = lower.ends_with(".tf") && crate::classify::holds_ecs(text);
    (input.explicit && (config_name || input.stdin.is_some()))
        || input.claimed
        || model::looks_like_ecs(text)
        || terraform_ecs
}

/// The text to keep for rendering: every secret value masked, those the model found
/// (`secrets`) and those a scan of the raw text finds (which covers files that do not parse).
/// For a file that parsed, the model found its environment values, and only key patterns
/// are scanned for in the raw text; for one that did not, name/value pairs are scanned too.
pub(super) fn masked(text: &str, secrets: &[Span], parsed: bool) -> Arc<str> {
    let mut spans = crate::secrets::raw_spans(text, !parsed);
    spans.extend_from_slice(secrets);
    Arc::from(crate::secrets::mask(text, &spans))
}

/// The template placeholder (`$$$$CPU$$$$`, `<PORT>`, `{{ x }}`, `${X}`) a parse error stopped at,
/// if that is what it stopped at.
fn placeholder_at(text: &str, span: Span) -> Option<Span> {
    let start = span.start as usize;
    // `{{ x }}` unquoted: the parser stops at the second brace.
    if start > 0 && text.get(start - 1..start + 1) == Some("{{") {
        return placeholder_at(text, Span::new(start - 1, start));
    }
    let rest = text.get(start..)?;
    let len = rest
        .find(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | '"' | '[' | ']'))
        .unwrap_or(rest.len());
    let mut token = &rest[..len];
    // `{{ x }}` contains spaces: take it to its closing braces.
    if token.starts_with("{{") {
        token = rest.find("}}").map_or(token, |end| &rest[..end + 2]);
    }
    (!token.is_empty() && model::value::is_placeholder(token))
        .then(|| Span::new(start, start + token.len()))
}

/// A parse error at the very end of a file (an empty span) is widened to the last character,
/// so there is something to draw a caret under.
fn visible(span: Span, text: &str) -> Span {
    if span.start < span.end {
        return span;
    }
    let mut at = (span.start as usize).min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    if let Some(c) = text[at..].chars().next().filter(|c| *c != '\n') {
        return Span::new(at, at + c.len_utf8());
    }
    match text[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_whitespace())
    {
        Some((i, c)) => Span::new(i, i + c.len_utf8()),
        None => span,
    }
}
