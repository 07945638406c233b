//! ECS307 invalid-capacity-provider-strategy: a capacity provider strategy ECS refuses: a
//! `base` on more than one provider, no provider with a `weight`, or Fargate providers mixed
//! with Auto Scaling group providers.

use crate::model::fields::{capacity_provider, service};
use crate::model::{Service, Spelled, Val};
use crate::rule::Sink;
use crate::span::Span;

crate::declare_rule! {
    code: "ECS307",
    name: "invalid-capacity-provider-strategy",
    category: DeployError,
    severity: Error,
    check: Service(check),
    constraints: [118],
}

/// One strategy item, as far as the file states it.
struct Item<'t> {
    span: Span,
    /// `Some(true)`: `FARGATE`/`FARGATE_SPOT`; `Some(false)`: another provider (a name, or a
    /// provider of the template by reference); `None`: unknown.
    fargate: Option<bool>,
    name: Option<&'t str>,
    base: Val<'t, i64>,
    weight: Val<'t, i64>,
}

fn check(s: &Service<'_>, sink: &mut Sink<'_>) {
    let strategy = s.view().objects(&service::CAPACITY_PROVIDER_STRATEGY);
    let Some(items) = strategy.complete() else {
        return;
    };
    let items: Vec<Item<'_>> = items
        .iter()
        .map(|v| {
            let provider = v.text(&capacity_provider::CAPACITY_PROVIDER);
            Item {
                span: provider.span().unwrap_or(v.span()),
                fargate: match provider {
                    Val::Known(n, _) => Some(matches!(n, "FARGATE" | "FARGATE_SPOT")),
                    Val::Ref(..) => Some(false),
                    _ => None,
                },
                name: provider.known(),
                base: v.int(&capacity_provider::BASE),
                weight: v.int(&capacity_provider::WEIGHT),
            }
        })
        .collect();
    if items.len() < 2 {
        return;
    }
    let key = s.key(&service::CAPACITY_PROVIDER_STRATEGY);
    let based: Vec<&Item<'_>> = items
        .iter()
        .filter(|i| i.base.known().is_some_and(|b| b > 0))
        .collect();
    if let [first, second, ..] = based.as_slice() {
        let base = s.key(&capacity_provider::BASE);
        let at = second.base.span().unwrap_or(second.span);
        sink.report(at, format!("two providers of the `{key}` have a `{base}`: ECS allows a base on one provider only"))
            .label(first.base.span().unwrap_or(first.span), format!("the first `{base}`"))
            .help(format!("keep `{base}` on the provider that must run the first tasks, and set the others to 0"));
    }
    let no_weight = items
        .iter()
        .all(|i| matches!(i.weight, Val::Absent) || i.weight.known() == Some(0));
    if no_weight {
        let weight = s.key(&capacity_provider::WEIGHT);
        sink.report(items[0].span, format!("no provider of the `{key}` has a `{weight}` above 0: ECS refuses a strategy that places no task"))
            .help(format!("give at least one provider a `{weight}` of 1 or more"));
    }
    let fargate = items.iter().find(|i| i.fargate == Some(true));
    let other = items.iter().find(|i| i.fargate == Some(false));
    if let (Some(f), Some(o)) = (fargate, other) {
        let later = if f.span.start > o.span.start { f } else { o };
        let earlier = if std::ptr::eq(later, f) { o } else { f };
        sink.report(
            later.span,
            format!("the `{key}` mixes Fargate providers with providers of EC2 instances: ECS refuses it, since a task runs either on Fargate or on an instance"),
        )
        .label(earlier.span, match earlier.name {
            Some(n) => format!("`{n}`"),
            None => "a provider of the template".to_string(),
        })
        .help("use either FARGATE and FARGATE_SPOT, or Auto Scaling group providers");
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn cases() {
        let svc = |strategy: &str| {
            format!(
                r#"{{"serviceName":"web","taskDefinition":"web:1","cluster":"main","capacityProviderStrategy":[{strategy}]}}"#
            )
        };
        let pass = [
            svc(
                r#"{"capacityProvider":"FARGATE","base":1,"weight":1},{"capacityProvider":"FARGATE_SPOT","weight":3}"#,
            ),
            svc(r#"{"capacityProvider":"FARGATE","weight":0}"#),
            svc(
                r#"{"capacityProvider":"asg-a","weight":1},{"capacityProvider":"asg-b","weight":0}"#,
            ),
            svc(
                r#"{"capacityProvider":"FARGATE","weight":1},{"capacityProvider":"${OTHER}","weight":1}"#,
            ),
            svc(
                r#"{"capacityProvider":"FARGATE","weight":"${W}"},{"capacityProvider":"FARGATE_SPOT"}"#,
            ),
        ];
        let fail = [
            svc(r#"{"capacityProvider":"FARGATE","base":1,"weight":1},{"capacityProvider":"FARGATE_SPOT","base":2,"weight":1}"#),
            svc(r#"{"capacityProvider":"FARGATE"},{"capacityProvider":"FARGATE_SPOT","weight":0}"#),
            svc(r#"{"capacityProvider":"FARGATE","weight":1},{"capacityProvider":"asg-a","weight":1}"#),
            "Resources:\n  S:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: !Ref T\n      CapacityProviderStrategy:\n        - CapacityProvider: FARGATE_SPOT\n          Weight: 1\n        - CapacityProvider: !Ref AsgProvider\n          Weight: 1\n".to_string(),
        ];
        let pass: Vec<&str> = pass.iter().map(String::as_str).collect();
        let fail: Vec<&str> = fail.iter().map(String::as_str).collect();
        crate::checks::tester::test_rule(&super::RULE, &pass, &fail);
    }
}
