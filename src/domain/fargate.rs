//! The Fargate task sizes: which CPU values exist and which memory values each allows.
//!
//! Source: `RegisterTaskDefinitionRequest.memory` in the ECS API model (botocore 1.44.5) and the
//! developer guide page "task-cpu-memory-error", as listed in ecs-constraints.md #19–#20
//! (checked 2026-11-24); 32 vCPU (60, 120 or 244 GB) as cfn-lint 1.58.0 accepts it (its pull
//! request 4668, after the AWS announcement). Windows on Fargate supports only 1, 2 and 4 vCPU.

/// (cpu units, first memory MiB, last memory MiB, step MiB); 256 is irregular and listed apart.
const SIZES: &[(i64, i64, i64, i64)] = &[
    (512, 1024, 4096, 1024),
    (1024, 2048, 8192, 1024),
    (2048, 4096, 16384, 1024),
    (4096, 8192, 30720, 1024),
    (8192, 16384, 61440, 4096),
    (16384, 32768, 122880, 8192),
];

/// 32 vCPU allows three sizes only.
const CPU_32_VCPU: (i64, [i64; 3]) = (32768, [61440, 122880, 249856]);

pub const CPU_VALUES: &[i64] = &[256, 512, 1024, 2048, 4096, 8192, 16384, 32768];
const WINDOWS_CPU_VALUES: &[i64] = &[1024, 2048, 4096];

pub fn cpu_values(windows: bool) -> &'static [i64] {
    if windows {
        WINDOWS_CPU_VALUES
    } else {
        CPU_VALUES
    }
}

/// The memory values (MiB) Fargate allows with `cpu`, or `None` if `cpu` is not a Fargate size.
pub fn memories(cpu: i64) -> Option<Vec<i64>> {
    if cpu == 256 {
        return Some(vec![512, 1024, 2048]);
    }
    if cpu == CPU_32_VCPU.0 {
        return Some(CPU_32_VCPU.1.to_vec());
    }
    let &(_, first, last, step) = SIZES.iter().find(|s| s.0 == cpu)?;
    Some(
        (first..=last)
            .step_by(usize::try_from(step).unwrap_or(1024))
            .collect(),
    )
}

/// "512, 1024 or 2048 MiB", or "8192–30720 MiB in steps of 1024" for long lists.
pub fn describe_memories(cpu: i64) -> String {
    if cpu == 256 {
        return "512, 1024 or 2048 MiB".to_string();
    }
    if cpu == CPU_32_VCPU.0 {
        return "61440, 122880 or 249856 MiB".to_string();
    }
    match SIZES.iter().find(|s| s.0 == cpu) {
        Some(&(_, first, last, step)) => format!("{first}–{last} MiB in steps of {step}"),
        None => String::from("no memory value"),
    }
}

/// The CPU values whose memory list includes `memory`.
pub fn cpus_for_memory(memory: i64, windows: bool) -> Vec<i64> {
    cpu_values(windows)
        .iter()
        .copied()
        .filter(|&c| memories(c).is_some_and(|m| m.contains(&memory)))
        .collect()
}

/// The valid CPU values just below and just above `cpu`.
pub fn nearest_cpus(cpu: i64, windows: bool) -> Vec<i64> {
    let values = cpu_values(windows);
    let below = values.iter().copied().filter(|&c| c < cpu).max();
    let above = values.iter().copied().filter(|&c| c > cpu).min();
    below.into_iter().chain(above).collect()
}

/// The valid memory closest to `memory` for `cpu` (ties go to the larger value).
pub fn nearest_memory(cpu: i64, memory: i64) -> Option<i64> {
    memories(cpu)?
        .into_iter()
        .min_by_key(|&m| ((m - memory).abs(), -m))
}

/// `256 (.25 vCPU)`.
pub fn cpu_label(cpu: i64) -> String {
    let vcpu = cpu as f64 / 1024.0;
    format!("{cpu} ({vcpu} vCPU)")
}

/// "a", "a or b", "a, b or c".
pub fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_matches_the_api_documentation() {
        assert_eq!(memories(256), Some(vec![512, 1024, 2048]));
        assert_eq!(memories(512), Some(vec![1024, 2048, 3072, 4096]));
        assert_eq!(
            memories(4096).map(|m| (m.len(), m[0], m[m.len() - 1])),
            Some((23, 8192, 30720))
        );
        assert_eq!(memories(8192).map(|m| m.len()), Some(12));
        assert_eq!(
            memories(16384).map(|m| (m[0], m[m.len() - 1])),
            Some((32768, 122880))
        );
        assert_eq!(memories(300), None);
    }

    #[test]
    fn nearest_values() {
        assert_eq!(nearest_cpus(300, false), vec![256, 512]);
        assert_eq!(nearest_cpus(256, true), vec![1024]);
        assert_eq!(nearest_memory(256, 3072), Some(2048));
        assert_eq!(cpus_for_memory(3072, false), vec![512, 1024]);
        assert_eq!(cpus_for_memory(512, true), Vec::<i64>::new());
    }
}
