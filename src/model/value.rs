//! The three-way value every check reads: known (a literal the file states, with its span),
//! absent (the key is not there, so the API default applies) or unknown (a placeholder, an
//! unresolved intrinsic, a value of a type the check cannot read). Checks only ever act on
//! known values, so "unknown never produces a finding" holds by construction.

use crate::load::{Kind, Node};
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value<T, R> {
    Known(T, Span),
    Absent,
    Unknown(Span),
    /// A reference to another resource (`{"Ref": "TaskDef"}`, `!GetAtt TG.Arn`): the linker
    /// follows it; to a check it is unknown (`known()` is `None`, `is_unknown()` is true).
    Ref(R, Span),
}

/// A value read from a document: a reference names its target in the document's text.
pub type Val<'t, T> = Value<T, Target<'t>>;

/// A value kept after the document is gone (the linked model): what a reference named is a
/// link of its own, so an owned value is never a reference, and takes no room for one.
pub type Owned<T> = Value<T, std::convert::Infallible>;

/// What a reference names: a resource of the same template or module (a CloudFormation
/// logical id, a Terraform address) and, for `Fn::GetAtt`-like references, the attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Target<'t> {
    pub id: &'t str,
    pub attribute: Option<&'t str>,
}

impl<T: Copy, R> Value<T, R> {
    pub fn known(&self) -> Option<T> {
        match self {
            Value::Known(v, _) => Some(*v),
            _ => None,
        }
    }

    /// The value and its span, when known.
    pub fn known_at(&self) -> Option<(T, Span)> {
        match self {
            Value::Known(v, s) => Some((*v, *s)),
            _ => None,
        }
    }
}

impl<T, R: Copy> Value<T, R> {
    /// The value, borrowed, when known (for values that are not `Copy`).
    pub fn as_known(&self) -> Option<&T> {
        match self {
            Value::Known(v, _) => Some(v),
            _ => None,
        }
    }

    pub fn is_absent(&self) -> bool {
        matches!(self, Value::Absent)
    }

    /// Unknown to a check: a placeholder, an expression, or a reference.
    pub fn is_unknown(&self) -> bool {
        matches!(self, Value::Unknown(_) | Value::Ref(..))
    }

    /// Where the value is written, unless it is absent.
    pub fn span(&self) -> Option<Span> {
        match self {
            Value::Known(_, s) | Value::Unknown(s) | Value::Ref(_, s) => Some(*s),
            Value::Absent => None,
        }
    }

    /// The reference, when the value is one.
    pub fn target(&self) -> Option<R> {
        match self {
            Value::Ref(t, _) => Some(*t),
            _ => None,
        }
    }

    pub fn map<U>(self, f: impl FnOnce(T) -> Option<U>) -> Value<U, R> {
        match self {
            Value::Known(v, s) => match f(v) {
                Some(u) => Value::Known(u, s),
                None => Value::Unknown(s),
            },
            Value::Absent => Value::Absent,
            Value::Unknown(s) => Value::Unknown(s),
            Value::Ref(t, s) => Value::Ref(t, s),
        }
    }
}

/// A list field: the items the file states, read into `T`, and whether they are every item
/// there is. A placeholder in place of the list, or of one of its items (`["${MORE}"]`, a
/// `{{ range }}` block, an intrinsic), makes it incomplete. A check may look at each known item
/// (`iter`) to report on it; it may conclude that no item matches, or that one is missing, only
/// through [`List::complete`], which is `None` when the list is not known whole.
#[derive(Debug)]
pub struct List<T> {
    items: Vec<T>,
    complete: bool,
}

impl<T> List<T> {
    /// `items` read from a list that is known whole when `complete`.
    pub fn new(items: Vec<T>, complete: bool) -> List<T> {
        List { items, complete }
    }

    /// An absent list: known, and empty.
    pub fn absent() -> List<T> {
        List::new(Vec::new(), true)
    }

    /// Every item, when the list is known whole.
    pub fn complete(&self) -> Option<&[T]> {
        self.complete.then_some(self.items.as_slice())
    }

    pub fn is_complete(&self) -> bool {
        self.complete
    }

    /// The items the file states (perhaps not all there are).
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.items.iter()
    }

    /// Whether the file states no item (it may still hold a placeholder for some).
    pub fn none_known(&self) -> bool {
        self.items.is_empty()
    }
}

impl<'a, T> IntoIterator for &'a List<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

/// Yes / no / cannot tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tri {
    Yes,
    No,
    Unknown,
}

/// True for template placeholders seen in real repositories: `{{ must_env `X` }}`, `${VAR}`,
/// `$$$$CPU$$$$`, `#{Var}`, `<IMAGE1_NAME>`, and a whole value `$NAME` (jq, compose).
pub fn is_placeholder(s: &str) -> bool {
    // Most values hold none of the characters a placeholder starts with: one pass decides.
    if !may_hold_placeholder(s.as_bytes()) {
        return false;
    }
    if s.contains("{{")
        || s.contains("${")
        || s.contains("$$")
        || s.contains("#{")
        || s.contains("$(")
    {
        return true;
    }
    if let Some(name) = s.strip_prefix('$') {
        if is_identifier(name) {
            return true;
        }
    }
    contains_env_reference(s) || contains_angle_placeholder(s)
}

/// Whether `bytes` hold one of the characters a placeholder starts with (`{`, `$`, `#`, `<`).
/// Most values the model reads are short and hold none: a table lookup per byte decides them
/// faster than a vectorised search, whose set-up costs more than a short string, and faster
/// than testing eight bytes at once for four characters (measured: +20%).
fn may_hold_placeholder(bytes: &[u8]) -> bool {
    const fn table() -> [bool; 256] {
        let mut t = [false; 256];
        t[b'{' as usize] = true;
        t[b'$' as usize] = true;
        t[b'#' as usize] = true;
        t[b'<' as usize] = true;
        t
    }
    static STARTS: [bool; 256] = table();
    if bytes.len() > 64 {
        return memchr::memchr3(b'{', b'$', b'#', bytes).is_some()
            || memchr::memchr(b'<', bytes).is_some();
    }
    bytes.iter().any(|&b| STARTS[usize::from(b)])
}

/// `$NAME` inside a value (envsubst): `$` then an upper-case name of two or more characters.
fn contains_env_reference(s: &str) -> bool {
    s.match_indices('$').any(|(i, _)| {
        let name: String = s[i + 1..]
            .chars()
            .take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '_')
            .collect();
        name.len() >= 2 && name.starts_with(|c: char| c.is_ascii_uppercase())
    })
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// `<NAME>` anywhere in the text, NAME made of letters, digits, `_`, `-` or `.`.
fn contains_angle_placeholder(s: &str) -> bool {
    let mut rest = s;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        if let Some(close) = after.find('>') {
            let name = &after[..close];
            if !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
            {
                return true;
            }
        }
        rest = after;
    }
    false
}

/// A reference written as an intrinsic: `{"Ref": "X"}`, `{"Fn::GetAtt": ["X", "Arn"]}` or
/// `{"Fn::GetAtt": "X.Arn"}` (the YAML loader turns `!Ref X` and `!GetAtt X.Arn` into these).
pub fn reference<'t>(node: &'t Node<'_>) -> Option<Target<'t>> {
    let [only] = node.as_object()? else {
        return None;
    };
    match (only.key.as_ref(), &only.value.kind) {
        // A pseudo parameter (`AWS::Region`, `AWS::NoValue`) names no resource.
        ("Ref", Kind::String(id)) if id.starts_with("AWS::") => None,
        ("Ref", Kind::String(id)) => Some(Target {
            id: id.as_ref(),
            attribute: None,
        }),
        ("Fn::GetAtt", Kind::String(path)) => {
            let (id, attribute) = path.split_once('.')?;
            Some(Target {
                id,
                attribute: Some(attribute),
            })
        }
        ("Fn::GetAtt", Kind::Array(items)) => match items.as_slice() {
            [id, attribute] => Some(Target {
                id: id.as_str()?,
                attribute: Some(attribute.as_str()?),
            }),
            _ => None,
        },
        _ => None,
    }
}

/// A value the check cannot read: a reference when it is one, else unknown.
fn unreadable<'t, T>(node: &'t Node<'_>) -> Val<'t, T> {
    if node.is_no_value() {
        return Val::Absent;
    }
    match reference(node) {
        Some(target) => Val::Ref(target, node.span),
        None => Val::Unknown(node.span),
    }
}

/// Reads a string field. A placeholder, an intrinsic or a non-string value is unknown; a
/// reference is a [`Val::Ref`].
pub fn text<'t>(node: Option<&'t Node<'_>>) -> Val<'t, &'t str> {
    let Some(node) = node else { return Val::Absent };
    match &node.kind {
        Kind::Null => Val::Absent,
        Kind::String(s) if is_placeholder(s) => Val::Unknown(node.span),
        Kind::String(s) => Val::Known(s.as_ref(), node.span),
        Kind::Object(_) => match literal_sub(node) {
            Some(s) => Val::Known(s, node.span),
            None => unreadable(node),
        },
        Kind::Placeholder(expr) => match terraform_reference(expr) {
            Some(target) => Val::Ref(target, node.span),
            None => Val::Unknown(node.span),
        },
        _ => Val::Unknown(node.span),
    }
}

/// A Terraform reference to a managed resource, as the HCL loader keeps it:
/// `aws_ecs_task_definition.web.arn`, `aws_lb_target_group.api[0].id` (an instance of a
/// counted resource is that resource). The target is the resource's address (`type.name`),
/// the id Terraform resources are read under. Variables, locals, data sources, modules and
/// anything computed are not references.
pub fn terraform_reference(expr: &str) -> Option<Target<'_>> {
    let expr = expr.trim();
    let mut parts = expr.splitn(3, '.');
    let ty = parts.next()?;
    let name = parts.next()?;
    let attribute = parts.next();
    let ident = |s: &str| {
        s.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'))
    };
    let name_len = name.find('[').unwrap_or(name.len());
    let (bare, index) = name.split_at(name_len);
    let index_ok = index.is_empty() || (index.starts_with('[') && index.ends_with(']'));
    // The attribute's first name (`id` of `id[0]`, `dns_name` of `dns_name.x`).
    let attribute = attribute.map(|a| a.split(['[', '.']).next().unwrap_or(a));
    let attribute_ok = attribute.is_none_or(ident);
    (ty.starts_with("aws_") && ident(ty) && ident(bare) && index_ok && attribute_ok).then(|| {
        Target {
            id: &expr[..ty.len() + 1 + bare.len()],
            attribute,
        }
    })
}

/// The text a string or a CloudFormation string expression builds, with what it does not
/// know written `${…}`: `"a"`, `{"Fn::Sub": "${AWS::AccountId}.dkr.ecr…"}` (its template),
/// `{"Fn::Join": ["", [{"Ref": "Repo"}, ":1"]]}` (`${…}:1`). For rules that read a part
/// of a value that holds for every value of the rest (an image's registry host).
pub fn template_text<'t>(node: &'t Node<'_>) -> Option<std::borrow::Cow<'t, str>> {
    use std::borrow::Cow;
    if let Some(s) = node.as_str() {
        return Some(Cow::Borrowed(s));
    }
    let [only] = node.as_object()? else {
        return None;
    };
    match only.key.as_ref() {
        "Fn::Sub" => match only.value.as_array() {
            Some([template, ..]) => template.as_str().map(Cow::Borrowed),
            _ => only.value.as_str().map(Cow::Borrowed),
        },
        "Fn::Join" => {
            let [delimiter, parts] = only.value.as_array()? else {
                return None;
            };
            let delimiter = delimiter.as_str()?;
            let parts: Vec<Cow<'t, str>> = parts
                .as_array()?
                .iter()
                .map(|p| template_text(p).unwrap_or(Cow::Borrowed("${…}")))
                .collect();
            Some(Cow::Owned(parts.join(delimiter)))
        }
        _ => None,
    }
}

/// `{"Fn::Sub": "text"}` with no `${…}` in it: the text itself.
fn literal_sub<'t>(node: &'t Node<'_>) -> Option<&'t str> {
    let [only] = node.as_object()? else {
        return None;
    };
    let s = (only.key == "Fn::Sub").then(|| only.value.as_str())??;
    (!s.contains("${") && !is_placeholder(s)).then_some(s)
}

/// Reads a list field by its number of items, spanned at its key (the caret of a finding about
/// a whole list belongs on its key, not under every line of it): known when it is a list the
/// file states whose items are certain or none of which is (an empty list is known: 0). A list
/// whose items may all vanish (`Fn::If` items, `AWS::NoValue`) but might not is unknown; so is
/// anything not a list. What rules ask of it is "does the file set any?", so `Known(n)` counts
/// the items that are certainly there (n ≥ 1), or is 0 for a list that is certainly empty.
pub fn count_member<'t>(member: Option<&'t crate::load::Member<'_>>) -> Val<'t, usize> {
    let Some(m) = member.filter(|m| !m.value.is_no_value()) else {
        return Val::Absent;
    };
    let span = m.key_span;
    match &m.value.kind {
        Kind::Null => Val::Absent,
        Kind::Array(items) => {
            let present = items
                .iter()
                .filter(|i| !i.is_no_value() && !i.is_intrinsic() && !i.is_placeholder())
                .count();
            let uncertain = items
                .iter()
                .any(|i| !i.is_no_value() && (i.is_intrinsic() || i.is_placeholder()));
            if present == 0 && uncertain {
                Val::Unknown(span)
            } else {
                Val::Known(present, span)
            }
        }
        _ => Val::Unknown(span),
    }
}

/// Reads an integer field; a numeric string (`"8080"`) counts as the number it spells.
pub fn int<'t>(node: Option<&'t Node<'_>>) -> Val<'t, i64> {
    let Some(node) = node else { return Val::Absent };
    match &node.kind {
        Kind::Null => Val::Absent,
        Kind::Number(n) => {
            parse_int(n).map_or(Val::Unknown(node.span), |v| Val::Known(v, node.span))
        }
        Kind::String(s) => {
            parse_int(s.trim()).map_or(Val::Unknown(node.span), |v| Val::Known(v, node.span))
        }
        _ => unreadable(node),
    }
}

fn parse_int(s: &str) -> Option<i64> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    if digits.is_empty() || digits.len() > 18 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Reads a boolean; `"true"`/`"false"` strings (any case) are read as booleans.
pub fn boolean<'t>(node: Option<&'t Node<'_>>) -> Val<'t, bool> {
    let Some(node) = node else { return Val::Absent };
    match &node.kind {
        Kind::Null => Val::Absent,
        Kind::Bool(b) => Val::Known(*b, node.span),
        Kind::String(s) if s.eq_ignore_ascii_case("true") => Val::Known(true, node.span),
        Kind::String(s) if s.eq_ignore_ascii_case("false") => Val::Known(false, node.span),
        _ => unreadable(node),
    }
}

/// Task-level `cpu` in CPU units: `1024`, `"1024"`, `"1 vCPU"`, `"0.5 vcpu"`.
pub fn task_cpu<'t>(node: Option<&'t Node<'_>>) -> Val<'t, i64> {
    with_unit(node, "vcpu", 1024)
}

/// Task-level `memory` in MiB: `2048`, `"2048"`, `"2 GB"`, `"2GB"`, `"0.5 gb"`.
pub fn task_memory<'t>(node: Option<&'t Node<'_>>) -> Val<'t, i64> {
    with_unit(node, "gb", 1024)
}

fn with_unit<'t>(node: Option<&'t Node<'_>>, unit: &str, scale: i64) -> Val<'t, i64> {
    let Some(node) = node else { return Val::Absent };
    let raw = match &node.kind {
        Kind::Null => return Val::Absent,
        Kind::Number(n) => n.as_ref(),
        Kind::String(s) => s.as_ref(),
        _ => return unreadable(node),
    };
    let raw = raw.trim();
    if let Some(v) = parse_int(raw) {
        return Val::Known(v, node.span);
    }
    let lower = raw.to_ascii_lowercase();
    let Some(amount) = lower.strip_suffix(unit) else {
        return Val::Unknown(node.span);
    };
    scaled(amount.trim(), scale).map_or(Val::Unknown(node.span), |v| Val::Known(v, node.span))
}

/// `"0.5"` × 1024 → 512, exactly (decimal digits, no float rounding surprises).
fn scaled(amount: &str, scale: i64) -> Option<i64> {
    let (int, frac) = amount.split_once('.').unwrap_or((amount, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    if !int.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if int.len() > 9 || frac.len() > 9 {
        return None;
    }
    let whole: i64 = if int.is_empty() { 0 } else { int.parse().ok()? };
    let frac_value: i64 = if frac.is_empty() {
        0
    } else {
        frac.parse().ok()?
    };
    let denom = 10i64.pow(u32::try_from(frac.len()).ok()?);
    let numerator = frac_value * scale;
    if numerator % denom != 0 {
        return None;
    }
    whole.checked_mul(scale)?.checked_add(numerator / denom)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terraform_references_name_managed_resources_only() {
        let r = terraform_reference("aws_ecs_task_definition.web.arn").expect("reference");
        assert_eq!(
            (r.id, r.attribute),
            ("aws_ecs_task_definition.web", Some("arn"))
        );
        let r = terraform_reference("aws_lb_target_group.api[0].id").expect("reference");
        assert_eq!((r.id, r.attribute), ("aws_lb_target_group.api", Some("id")));
        for not in [
            "var.task_definition",
            "local.x.y",
            "data.aws_ecs_task_definition.web.arn",
            "module.ecs.service",
            "${CPU}",
            "aws_ecs_service.web.x + 1",
            "lookup(var.m, \"k\")",
        ] {
            assert!(terraform_reference(not).is_none(), "{not}");
        }
    }
    use crate::load::{parse, Syntax};

    fn first(json: &str) -> Node<'_> {
        parse(json, Syntax::Json).expect("parses").remove(0)
    }

    #[test]
    fn placeholder_start_characters_are_seen_at_every_position() {
        for len in 0..30 {
            // Plain bytes, multi-byte characters among them: never a start.
            let plain: Vec<u8> = (0..len)
                .map(|k| [b'a', b'9', 0xc3, 0xa9, b'_'][k % 5])
                .collect();
            assert!(!may_hold_placeholder(&plain), "{len} plain bytes");
            for at in 0..len {
                for start in [b'{', b'$', b'#', b'<'] {
                    let mut bytes = plain.clone();
                    bytes[at] = start;
                    assert!(may_hold_placeholder(&bytes), "{start} at {at} of {len}");
                }
            }
        }
    }

    #[test]
    fn cloudformation_values_that_are_known_or_absent() {
        let doc = first(
            r#"{"a": {"Ref": "AWS::NoValue"}, "b": {"Fn::Sub": "web-app"}, "c": {"Fn::Sub": "${Env}-app"},
                "d": {"Ref": "AWS::Region"}, "e": {"Ref": "TaskDef"}, "f": {"Fn::Sub": ["x", {}]}}"#,
        );
        assert!(int(doc.get("a")).is_absent());
        assert!(text(doc.get("a")).is_absent());
        assert!(boolean(doc.get("a")).is_absent());
        assert_eq!(text(doc.get("b")).known(), Some("web-app"));
        assert!(text(doc.get("c")).is_unknown());
        // A pseudo parameter names no resource: unknown, not a reference.
        assert!(matches!(text(doc.get("d")), Val::Unknown(_)));
        assert!(matches!(
            text(doc.get("e")),
            Val::Ref(Target { id: "TaskDef", .. }, _)
        ));
        assert!(text(doc.get("f")).is_unknown());
    }

    #[test]
    fn placeholders() {
        for p in [
            "{{ must_env `X` }}",
            "${PORT}",
            "$$$$CPU$$$$",
            "#{Var}",
            "<IMAGE1_NAME>",
            "arn:aws:iam::<ACCOUNT_ID>:role/x",
            "$NAME",
            "api-$ENVIRONMENT",
            "$(ContainerName)",
        ] {
            assert!(is_placeholder(p), "{p}");
        }
        for p in ["nginx:1.27", "web", "a < b > c", "$", "1 vCPU"] {
            assert!(!is_placeholder(p), "{p}");
        }
    }

    #[test]
    fn task_sizes_with_units() {
        let doc = first(
            r#"[1024, "1024", "1 vCPU", "0.5 vcpu", "0.25vCPU", "2 GB", "2GB", "0.5 gb", "x", "{{ env `CPU` }}", "1.3 vcpu"]"#,
        );
        let items = doc.as_array().expect("array");
        let cpu: Vec<Option<i64>> = items.iter().map(|n| task_cpu(Some(n)).known()).collect();
        assert_eq!(
            &cpu[..5],
            &[Some(1024), Some(1024), Some(1024), Some(512), Some(256)]
        );
        let mem: Vec<Option<i64>> = items.iter().map(|n| task_memory(Some(n)).known()).collect();
        assert_eq!(&mem[5..8], &[Some(2048), Some(2048), Some(512)]);
        assert!(task_cpu(items.get(8)).is_unknown());
        assert!(task_cpu(items.get(9)).is_unknown());
        assert!(task_cpu(items.get(10)).is_unknown());
    }

    #[test]
    fn ints_from_strings_and_unknowns() {
        let doc = first(
            r#"{"a": "8080", "b": 80, "c": "${P}", "d": null, "e": 80.5, "f": 99999999999999999999999}"#,
        );
        assert_eq!(int(doc.get("a")).known(), Some(8080));
        assert_eq!(int(doc.get("b")).known(), Some(80));
        assert!(int(doc.get("c")).is_unknown());
        assert!(int(doc.get("d")).is_absent());
        assert!(int(doc.get("e")).is_unknown());
        assert!(int(doc.get("f")).is_unknown());
        assert!(int(doc.get("zzz")).is_absent());
    }
}
