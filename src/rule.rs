//! What a rule is: identity (code, name, category, default severity), its documentation (the
//! Markdown file in `rules/`, embedded), and the check that runs it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use std::borrow::Cow;
use std::sync::Arc;

use crate::finding::{FileId, Finding, Site};
use crate::link::Workspace;
use crate::load::Node;
use crate::model::pointer::{path_to, pointer_at, pointer_within, stable_path, Pointer};
use crate::model::{At, Container, Resource, Service, TaskDef};
use crate::span::Span;

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// The API or the deployment would fail.
    DeployError,
    /// Traffic or cross-resource breakage.
    Wiring,
    Security,
    BestPractice,
    /// Opt-in organisation rules.
    Policy,
}

impl Category {
    pub const ALL: [Category; 5] = [
        Category::DeployError,
        Category::Wiring,
        Category::Security,
        Category::BestPractice,
        Category::Policy,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::DeployError => "deploy-error",
            Category::Wiring => "wiring",
            Category::Security => "security",
            Category::BestPractice => "best-practice",
            Category::Policy => "policy",
        }
    }

    /// The smallest profile a rule of this category runs in, unless the rule says otherwise:
    /// what breaks a deployment or its traffic is `deploy`, the rest `recommended`. Policy
    /// rules are in no profile: a configuration selects them.
    pub const fn default_profile(self) -> Option<Profile> {
        match self {
            Category::DeployError | Category::Wiring => Some(Profile::Deploy),
            Category::Security | Category::BestPractice => Some(Profile::Recommended),
            Category::Policy => None,
        }
    }
}

/// A named set of rules, each containing the one before: `deploy` (what ECS or a deployment
/// would refuse, and wiring that breaks traffic), `recommended` (the default: adds the security
/// and best-practice rules that are right for nearly everyone), `security` (adds the hardening
/// controls reviewers map to, such as Security Hub's), `all` (adds opt-in opinions). Policy
/// rules are in none of them.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
pub enum Profile {
    Deploy,
    #[default]
    Recommended,
    Security,
    All,
}

impl Profile {
    pub const ALL: [Profile; 4] = [
        Profile::Deploy,
        Profile::Recommended,
        Profile::Security,
        Profile::All,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Profile::Deploy => "deploy",
            Profile::Recommended => "recommended",
            Profile::Security => "security",
            Profile::All => "all",
        }
    }
}

/// A check given at run time (a configured policy, a test's rule): any resource, any field
/// (resources keep their tree node, so a data-driven check can read a field by path).
pub type DynamicCheck = Arc<dyn Fn(&Resource<'_>, &mut Sink<'_>) + Send + Sync>;

/// How a rule runs.
#[derive(Clone)]
pub enum Check {
    /// Reported by the loader itself (parse errors).
    Load,
    TaskDef(fn(&TaskDef<'_>, &mut Sink<'_>)),
    /// Runs once per container definition of every task definition.
    Container(fn(&TaskDef<'_>, &Container<'_>, &mut Sink<'_>)),
    Service(fn(&Service<'_>, &mut Sink<'_>)),
    /// Runs on every listener and listener rule.
    Listener(fn(&crate::model::Listener<'_>, &mut Sink<'_>)),
    /// Runs on every cluster (not on capacity provider associations).
    Cluster(fn(&crate::model::Cluster<'_>, &mut Sink<'_>)),
    /// Runs on every task definition, service and cluster (a field they all have: tags).
    Resource(fn(&crate::model::Resource<'_>, &mut Sink<'_>)),
    /// Runs on each structural problem of a task definition or service in an AWS API shape
    /// (its tree validated once against the shape's schema, whichever of these rules run).
    Structure(fn(&crate::structure::Problem<'_>, &mut Sink<'_>)),
    /// Runs once over the linked workspace (cross-file rules).
    Workspace(fn(&Workspace, &mut Sink<'_>)),
    /// Reported by the suppression stage (unused, expired or invalid suppressions).
    Meta,
    /// Registered at run time.
    Dynamic(DynamicCheck),
}

/// Text a rule declares: borrowed for the built-in rules, owned for rules registered at run
/// time.
pub type Text = Cow<'static, str>;

/// A rule's options, read from the configuration (`[rules.<code or name>]`) into the rule's own
/// type; a check reads them with [`Sink::options`].
pub type Options = Arc<dyn std::any::Any + Send + Sync>;

/// How a rule with options reads them: its options type, erased. Declared with
/// `options: Type` in [`crate::declare_rule!`] (the type is `Deserialize + Default +
/// JsonSchema`: its fields are the typed parameters, documented and checked, unknown keys
/// refused).
#[derive(Clone, Copy)]
pub struct OptionsSpec {
    /// Reads the rule's table from the configuration.
    pub parse: fn(toml::Table) -> Result<Options, String>,
    /// The options when the configuration says nothing.
    pub default: fn() -> Options,
    /// The JSON Schema of the table (for `schemas/ecslint.schema.json`).
    pub schema: fn() -> serde_json::Value,
}

impl OptionsSpec {
    /// The spec of options type `T`.
    pub const fn of<T>() -> OptionsSpec
    where
        T: serde::de::DeserializeOwned + Default + JsonSchema + Send + Sync + 'static,
    {
        OptionsSpec {
            parse: parse_options::<T>,
            default: default_options::<T>,
            schema: options_schema::<T>,
        }
    }
}

fn parse_options<T>(table: toml::Table) -> Result<Options, String>
where
    T: serde::de::DeserializeOwned + Send + Sync + 'static,
{
    let options: T = toml::Value::Table(table)
        .try_into()
        .map_err(|e: toml::de::Error| e.message().to_string())?;
    Ok(Arc::new(options))
}

fn default_options<T: Default + Send + Sync + 'static>() -> Options {
    Arc::new(T::default())
}

fn options_schema<T: JsonSchema>() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(T)).unwrap_or_default()
}

/// A rule: its identity (code, name, category, default severity), its documentation, and how
/// it runs. Built-in rules are `static`s declared with [`crate::declare_rule!`]; others are
/// registered with [`Registry::register`].
pub struct Rule {
    pub code: Text,
    pub name: Text,
    pub category: Category,
    pub severity: Severity,
    /// The rule's documentation: `rules/<CODE>-<name>.md` for the built-in rules.
    pub docs: Text,
    pub check: Check,
    /// For security rules: the CVSS-like score (0.0–10.0) GitHub code scanning ranks by.
    pub security_severity: Option<Text>,
    /// The rule's typed options, when it has any.
    pub options: Option<OptionsSpec>,
    /// The smallest profile that runs this rule (`None`: selected by name only).
    pub profile: Option<Profile>,
    /// Peer tools' rules that check the same mistake, as `tool:id` (`cfn-lint:E3047`,
    /// `checkov:CKV_AWS_97`, `securityhub:ECS.5`): shown in the docs and carried in SARIF. A
    /// template's `Metadata.cfn-lint.config.ignore_checks` naming a `cfn-lint:` one suppresses
    /// this rule there too.
    pub peers: &'static [&'static str],
    /// The numbers of the constraints of `ecs-constraints.md` this rule checks
    /// (`docs/coverage.md`).
    pub constraints: &'static [u16],
}

/// Declares a built-in rule: `pub static RULE`, its docs embedded from
/// `rules/<CODE>-<name>.md`.
///
/// ```ignore
/// declare_rule! {
///     code: "ECS201",
///     name: "host-port-mismatch",
///     category: DeployError,
///     severity: Error,
///     check: TaskDef(check),
/// }
/// ```
#[macro_export]
macro_rules! declare_rule {
    (
        code: $code:literal,
        name: $name:literal,
        category: $category:ident,
        severity: $severity:ident,
        check: $check:ident $( ( $f:path ) )?,
        $( security_severity: $score:literal, )?
        $( options: $options:ty, )?
        $( profile: $profile:ident, )?
        $( peers: [$( $peer:literal ),* $(,)?], )?
        $( constraints: [$( $n:literal ),* $(,)?], )?
    ) => {
        pub static RULE: $crate::rule::Rule = $crate::rule::Rule {
            code: ::std::borrow::Cow::Borrowed($code),
            name: ::std::borrow::Cow::Borrowed($name),
            category: $crate::rule::Category::$category,
            severity: $crate::rule::Severity::$severity,
            docs: ::std::borrow::Cow::Borrowed(include_str!(concat!(
                "../../rules/", $code, "-", $name, ".md"
            ))),
            check: $crate::rule::Check::$check $( ($f) )?,
            security_severity: $crate::declare_rule!(@score $( $score )?),
            options: $crate::declare_rule!(@options $( $options )?),
            profile: $crate::declare_rule!(@profile $category $( $profile )?),
            peers: &[$( $( $peer ),* )?],
            constraints: &[$( $( $n ),* )?],
        };
    };
    (@profile $category:ident) => { $crate::rule::Category::$category.default_profile() };
    (@profile $category:ident $profile:ident) => { Some($crate::rule::Profile::$profile) };
    (@score) => { None };
    (@score $score:literal) => { Some(::std::borrow::Cow::Borrowed($score)) };
    (@options) => { None };
    (@options $options:ty) => { Some($crate::rule::OptionsSpec::of::<$options>()) };
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.code, self.name)
    }
}

impl Rule {
    /// The one-line summary: the first paragraph after the title of the docs.
    pub fn summary(&self) -> String {
        self.docs
            .lines()
            .skip_while(|l| l.starts_with("# ") || l.trim().is_empty())
            .take_while(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The body of one `## Heading` section of the docs.
    pub fn section(&self, heading: &str) -> Option<&str> {
        section(&self.docs, heading)
    }

    /// The rule's documentation page in the repository.
    pub fn docs_url(&self) -> String {
        format!(
            "{}/blob/main/rules/{}-{}.md",
            env!("CARGO_PKG_REPOSITORY"),
            self.code,
            self.name
        )
    }

    /// Whether `profile` runs this rule.
    pub fn in_profile(&self, profile: Profile) -> bool {
        self.profile.is_some_and(|p| p <= profile)
    }

    /// The ids of the cfn-lint rules that check the same mistake (`E3047`).
    pub fn cfn_lint_ids(&self) -> impl Iterator<Item = &'static str> {
        self.peers
            .iter()
            .filter_map(|p| p.strip_prefix("cfn-lint:"))
    }

    /// The first URL in the References section (the AWS documentation of the constraint).
    pub fn help_uri(&self) -> Option<&str> {
        let refs = self.section("References")?;
        let start = refs.find("https://")?;
        let rest = &refs[start..];
        let end = rest.find([')', ' ', '\n', '>']).unwrap_or(rest.len());
        Some(&rest[..end])
    }
}

/// A rule's index in the run's [`Registry`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RuleId(pub usize);

#[derive(Clone)]
enum Source {
    BuiltIn(&'static Rule),
    Registered(Arc<Rule>),
}

/// A rule of the run's registry: what a finding holds (cheap to clone) and derefs to.
#[derive(Clone)]
pub struct RuleRef {
    id: RuleId,
    source: Source,
}

impl RuleRef {
    pub fn id(&self) -> RuleId {
        self.id
    }

    /// Its index in the registry (and in every per-rule table of the plan).
    pub fn index(&self) -> usize {
        self.id.0
    }
}

impl std::ops::Deref for RuleRef {
    type Target = Rule;
    fn deref(&self) -> &Rule {
        match &self.source {
            Source::BuiltIn(r) => r,
            Source::Registered(r) => r,
        }
    }
}

impl std::fmt::Debug for RuleRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

impl PartialEq for RuleRef {
    fn eq(&self, other: &RuleRef) -> bool {
        self.code == other.code
    }
}

/// Every rule a run knows, in code order for the built-in ones, then in the order registered.
/// A rule's [`RuleId`] is its index here; the plan's per-rule tables (enabled, severity) are
/// indexed the same way.
#[derive(Clone)]
pub struct Registry {
    rules: Vec<RuleRef>,
}

impl std::fmt::Debug for Registry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.rules.iter()).finish()
    }
}

impl Registry {
    /// The built-in rules (`crate::checks::BUILT_IN`).
    pub fn builtin() -> Registry {
        Registry {
            rules: crate::checks::BUILT_IN
                .iter()
                .enumerate()
                .map(|(i, r)| RuleRef {
                    id: RuleId(i),
                    source: Source::BuiltIn(r),
                })
                .collect(),
        }
    }

    /// Adds a rule; its code and name must be new.
    pub fn register(&mut self, rule: Rule) -> Result<RuleRef, String> {
        if let Some(old) = self.find(&rule.code).or_else(|| self.find(&rule.name)) {
            return Err(format!(
                "rule `{} {}` cannot be registered: `{} {}` has that code or name",
                rule.code, rule.name, old.code, old.name
            ));
        }
        let r = RuleRef {
            id: RuleId(self.rules.len()),
            source: Source::Registered(Arc::new(rule)),
        };
        self.rules.push(r.clone());
        Ok(r)
    }

    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, RuleRef> {
        self.rules.iter()
    }

    pub fn get(&self, id: RuleId) -> Option<&RuleRef> {
        self.rules.get(id.0)
    }

    /// Looks a rule up by code or name (case-insensitive).
    pub fn find(&self, code_or_name: &str) -> Option<&RuleRef> {
        self.rules.iter().find(|r| {
            r.code.eq_ignore_ascii_case(code_or_name) || r.name.eq_ignore_ascii_case(code_or_name)
        })
    }

    /// The registry entry of a built-in rule (`&ecslint::checks::host_port_mismatch::RULE`).
    pub fn of(&self, rule: &Rule) -> Option<&RuleRef> {
        self.rules.iter().find(|r| r.code == rule.code)
    }
}

pub fn section<'d>(docs: &'d str, heading: &str) -> Option<&'d str> {
    let marker = format!("## {heading}\n");
    let start = docs.find(&marker)? + marker.len();
    let rest = &docs[start..];
    let end = rest.find("\n## ").map_or(rest.len(), |i| i + 1);
    Some(rest[..end].trim())
}

/// Where a check reports. The engine points it at the current rule, file and document.
pub struct Sink<'a> {
    pub(crate) rule: &'a RuleRef,
    pub(crate) file: FileId,
    pub(crate) resource: Option<&'a str>,
    /// The document being checked: a finding's pointer is derived from it.
    pub(crate) doc: Option<&'a Node<'a>>,
    /// The node being checked (the container of a container check): what a finding at a
    /// plain span is about.
    pub(crate) within: Option<&'a Node<'a>>,
    /// The rule's options for the file (its configuration's `[rules.<rule>]`).
    pub(crate) options: Option<&'a Options>,
    pub(crate) out: &'a mut Vec<Finding>,
}

/// The pointer a finding at `at` in `doc` has: inside the node it is about (`at.within`, else
/// the sink's), found by identity; else the deepest node at its span.
fn pointer_of(doc: &Node<'_>, at: &At<'_>, default: Option<&Node<'_>>) -> Pointer {
    let within = at.within.map(|n| n as &Node<'_>).or(default);
    if let Some(node) = within {
        if let Some(base) = path_to(doc, node) {
            return if at.whole {
                base
            } else {
                base.join(&pointer_within(node, at.span))
            };
        }
    }
    pointer_at(doc, at.span)
}

impl<'a> Sink<'a> {
    /// The rule's options, as its options type (`None` for a rule without options).
    pub fn options<T: 'static>(&self) -> Option<&'a T> {
        let options: &'a Options = self.options?;
        (**options).downcast_ref::<T>()
    }

    /// Reports a finding at `at` in the current document: a span (the value or key the
    /// finding is about), or a resource's `missing()` (a field it lacks). The finding's JSON
    /// pointer and stable path are derived from the document, never spelled by the rule.
    pub fn report<'n>(
        &mut self,
        at: impl Into<At<'n>>,
        message: impl Into<String>,
    ) -> &mut Finding {
        let at = at.into();
        let (pointer, stable) = match self.doc {
            Some(doc) => {
                let pointer = pointer_of(doc, &at, self.within).to_string();
                let stable = stable_path(doc, &pointer);
                (pointer, stable)
            }
            None => (String::new(), String::new()),
        };
        let file = self.file;
        self.push(file, at.span, pointer, stable, message.into())
    }

    /// Reports a finding at a location the linked model kept (workspace rules, which run
    /// after every file's tree is gone).
    pub fn report_at(&mut self, site: &Site, message: impl Into<String>) -> &mut Finding {
        self.push(
            site.file,
            site.span,
            site.pointer.to_string(),
            site.stable.to_string(),
            message.into(),
        )
    }

    fn push(
        &mut self,
        file: FileId,
        span: Span,
        pointer: String,
        stable: String,
        message: String,
    ) -> &mut Finding {
        self.out.push(Finding {
            rule: self.rule.clone(),
            severity: self.rule.severity,
            file,
            span,
            pointer,
            stable,
            message,
            help: None,
            labels: Vec::new(),
            resource: self.resource.map(str::to_string),
            related: Vec::new(),
        });
        let last = self.out.len() - 1;
        &mut self.out[last]
    }
}
