//! Classify: what a file is, from its name and the start of its text, before any parse. A
//! file is read as JSON or YAML, or it is not read, with the reason: a format ecslint does not
//! read yet (Terraform, Jsonnet, CloudFormation...), or not JSON or YAML at all. A `.tf` file
//! is never handed to the YAML parser (it would "fail" with a false `invalid-yaml` error).

use crate::load::Syntax;

/// A format ecslint knows of but does not read (yet), or a file that is not configuration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Foreign {
    CloudFormation,
    /// `terraform show -json` output that holds neither planned values nor a state.
    TerraformPlan,
    /// A `.tf` file whose ECS resources are made by a module it calls
    /// (terraform-aws-modules/ecs and the like).
    TerraformModule,
    Hcl,
    Jsonnet,
    /// Not JSON or YAML (a README, a script), named on the command line.
    NotConfig,
}

impl Foreign {
    /// Every kind, in the order summaries list them.
    pub const ALL: [Foreign; 6] = [
        Foreign::CloudFormation,
        Foreign::TerraformPlan,
        Foreign::TerraformModule,
        Foreign::Hcl,
        Foreign::Jsonnet,
        Foreign::NotConfig,
    ];

    /// What such a file is called: singular and plural.
    pub fn noun(self) -> (&'static str, &'static str) {
        match self {
            Foreign::CloudFormation => ("CloudFormation template", "CloudFormation templates"),
            Foreign::TerraformPlan => ("Terraform plan", "Terraform plans"),
            Foreign::TerraformModule => (
                "Terraform file calling an ECS module",
                "Terraform files calling an ECS module",
            ),
            Foreign::Hcl => ("HCL file", "HCL files"),
            Foreign::Jsonnet => ("Jsonnet file", "Jsonnet files"),
            Foreign::NotConfig => ("file", "files"),
        }
    }

    /// Why it was not read.
    pub fn why(self) -> &'static str {
        match self {
            Foreign::NotConfig => "not JSON or YAML",
            _ => "not read yet",
        }
    }

    /// "3 CloudFormation templates".
    pub fn count(self, n: usize) -> String {
        let (one, many) = self.noun();
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    }

    /// Whether a file of this kind, with this text, declares ECS resources (and so must be
    /// counted in the summary when walking a directory finds it). An ecspresso config and a
    /// call of an ECS module always do; a file that is not configuration never does.
    pub fn holds_ecs(self, text: &str) -> bool {
        match self {
            Foreign::TerraformModule => true,
            Foreign::NotConfig => false,
            _ => holds_ecs(text),
        }
    }

    /// Why one file of this kind was not read, as a sentence: "Terraform files are not read
    /// yet", "not JSON or YAML".
    pub fn sentence(self) -> String {
        match self {
            Foreign::NotConfig => "not JSON or YAML".to_string(),
            _ => format!("{} are not read yet", self.noun().1),
        }
    }

    /// A stable machine name (`--format json`).
    pub fn id(self) -> &'static str {
        match self {
            Foreign::CloudFormation => "cloudformation",
            Foreign::TerraformPlan => "terraform-plan",
            Foreign::TerraformModule => "terraform-module",
            Foreign::Hcl => "hcl",
            Foreign::Jsonnet => "jsonnet",
            Foreign::NotConfig => "not-json-or-yaml",
        }
    }
}

/// "3 CloudFormation templates, 2 Terraform JSON files (not read yet); 1 file (not JSON or YAML)".
pub fn describe_not_read(counts: &[(Foreign, usize)]) -> String {
    let mut groups: Vec<(&'static str, Vec<String>)> = Vec::new();
    for (kind, n) in counts {
        let part = kind.count(*n);
        match groups.iter_mut().find(|(why, _)| *why == kind.why()) {
            Some((_, parts)) => parts.push(part),
            None => groups.push((kind.why(), vec![part])),
        }
    }
    groups
        .iter()
        .map(|(why, parts)| format!("{} ({why})", parts.join(", ")))
        .collect::<Vec<_>>()
        .join("; ")
}

/// How a file is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Parse(Syntax),
    NotRead(Foreign),
}

/// Extensions of formats ecslint does not read yet, found while walking a directory too.
pub const FOREIGN_EXTENSIONS: &[&str] = &["tf", "tfvars", "hcl", "jsonnet", "libsonnet"];

/// Suffixes of template files wrapped around a configuration file (`task.json.tpl`): the name
/// without them tells the syntax.
const TEMPLATE_SUFFIXES: &[&str] = &[
    ".tpl",
    ".tmpl",
    ".template",
    ".j2",
    ".jinja",
    ".jinja2",
    ".gotmpl",
    ".mustache",
    ".erb",
    ".in",
];

/// Extensions of files that are never configuration ecslint reads, even when named.
const NOT_CONFIG_EXTENSIONS: &[&str] = &[
    "md",
    "markdown",
    "txt",
    "rst",
    "adoc",
    "html",
    "htm",
    "xml",
    "csv",
    "py",
    "js",
    "mjs",
    "ts",
    "go",
    "rs",
    "java",
    "kt",
    "rb",
    "php",
    "sh",
    "bash",
    "zsh",
    "ps1",
    "toml",
    "ini",
    "cfg",
    "conf",
    "env",
    "properties",
    "lock",
    "gradle",
    "sql",
    "dockerfile",
];

fn extension(name: &str) -> Option<&str> {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    file.rsplit_once('.').map(|(_, e)| e)
}

/// How to read the file named `display` whose text is `text`. A file with an unknown extension
/// is JSON when its text starts like JSON, and YAML when `sniff` (standard input, or a file an
/// include glob asked for) or when its text names ECS keys; otherwise it is not read.
pub fn classify(display: &str, text: &str, sniff: bool) -> Source {
    let lower = display.to_ascii_lowercase();
    let inner = TEMPLATE_SUFFIXES
        .iter()
        .find_map(|s| lower.strip_suffix(s))
        .unwrap_or(&lower);
    // Terraform's JSON syntax is read as JSON (and recognised by its top-level keys); JSON
    // variables files hold values, never resources.
    if inner.ends_with(".tfvars.json") {
        return Source::NotRead(Foreign::NotConfig);
    }
    match extension(inner) {
        Some("json") => return Source::Parse(Syntax::Json),
        Some("yaml" | "yml") => return Source::Parse(Syntax::Yaml),
        Some("tf") => return Source::Parse(Syntax::Hcl),
        // Values of variables, never resources.
        Some("tfvars") => return Source::NotRead(Foreign::NotConfig),
        Some("hcl") => return Source::NotRead(Foreign::Hcl),
        Some("jsonnet" | "libsonnet") => return Source::NotRead(Foreign::Jsonnet),
        Some(e) if NOT_CONFIG_EXTENSIONS.contains(&e) => {
            return Source::NotRead(Foreign::NotConfig)
        }
        _ => {}
    }
    let first = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .next();
    match first {
        Some('{' | '[') => Source::Parse(Syntax::Json),
        // YAML only when asked to read it, or when its text says ECS: a README or a shell
        // script is "valid YAML" (one long string) and not ecslint's business.
        _ if sniff || holds_ecs(text) => Source::Parse(Syntax::Yaml),
        _ => Source::NotRead(Foreign::NotConfig),
    }
}

/// Whether a file's text declares ECS resources, in any format: API keys, CloudFormation
/// types (`AWS::ECS::Service`) or Terraform resource types (`aws_ecs_task_definition`).
pub fn holds_ecs(text: &str) -> bool {
    crate::model::looks_like_ecs(text) || text.contains("AWS::ECS::") || text.contains("aws_ecs_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_name_then_by_content() {
        let parse = |name: &str, text: &str, sniff: bool| classify(name, text, sniff);
        assert_eq!(parse("a.json", "x", false), Source::Parse(Syntax::Json));
        assert_eq!(
            parse("prod.tfvars.json", "{}", false),
            Source::NotRead(Foreign::NotConfig)
        );
        assert_eq!(
            parse("main.tf.json", "{}", false),
            Source::Parse(Syntax::Json)
        );
        assert_eq!(parse("a/B.YML", "{}", false), Source::Parse(Syntax::Yaml));
        assert_eq!(
            parse("task.json.tpl", "x", false),
            Source::Parse(Syntax::Json)
        );
        assert_eq!(
            parse("svc.yaml.j2", "x", false),
            Source::Parse(Syntax::Yaml)
        );
        assert_eq!(
            parse("main.tf", "{\"a\": 1}", true),
            Source::Parse(Syntax::Hcl)
        );
        assert_eq!(
            parse("x.tfvars", "", true),
            Source::NotRead(Foreign::NotConfig)
        );
        assert_eq!(
            parse("t.libsonnet", "{}", true),
            Source::NotRead(Foreign::Jsonnet)
        );
        assert_eq!(
            parse("task.tpl", "  [1]", false),
            Source::Parse(Syntax::Json)
        );
        assert_eq!(
            parse("README.md", "# Title\n", false),
            Source::NotRead(Foreign::NotConfig)
        );
        assert_eq!(parse("-", "a: 1", true), Source::Parse(Syntax::Yaml));
        assert_eq!(parse("-", "  [1]", true), Source::Parse(Syntax::Json));
        assert_eq!(parse("x.json", "a: 1", true), Source::Parse(Syntax::Json));
        assert_eq!(
            parse("README.md", "portMappings: x\n", true),
            Source::NotRead(Foreign::NotConfig)
        );
        assert_eq!(
            parse("NOTES", "a: 1\n", false),
            Source::NotRead(Foreign::NotConfig)
        );
        assert_eq!(
            parse("svc.tpl", "taskDefinition: web\n", false),
            Source::Parse(Syntax::Yaml)
        );
    }

    #[test]
    fn not_read_is_grouped_by_reason() {
        let text = describe_not_read(&[
            (Foreign::CloudFormation, 3),
            (Foreign::TerraformPlan, 2),
            (Foreign::NotConfig, 1),
        ]);
        assert_eq!(
            text,
            "3 CloudFormation templates, 2 Terraform plans (not read yet); 1 file (not JSON or YAML)"
        );
    }
}
