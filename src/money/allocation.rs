//! Splitting an amount across weights in whole minor units (the largest remainder method):
//! the shares add up exactly and each is within one minor unit of its exact proportion.

use super::*;

/// A non-negative amount at the minor unit as an integer count of minor units.
pub(super) fn to_minor(value: Decimal, minor: u32) -> Option<i128> {
    let scale = value.scale();
    let factor = 10_i128.checked_pow(minor.checked_sub(scale)?)?;
    value.mantissa().checked_mul(factor)
}

pub(super) fn from_minor(units: i128, minor: u32) -> Option<Decimal> {
    Decimal::try_from_i128_with_scale(units, minor).ok()
}

/// Splits `total` into shares proportional to `weights` (all `>= 0`, `total <= sum(weights)`),
/// exactly, with the largest remainder method; ties go to the earlier weight.
pub(super) fn allocate(total: i128, weights: &[i128]) -> Option<Vec<i128>> {
    let sum = weights
        .iter()
        .try_fold(0_i128, |acc, &weight| acc.checked_add(weight))?;
    if total == 0 || sum == 0 {
        return Some(vec![0; weights.len()]);
    }
    let mut shares = Vec::with_capacity(weights.len());
    let mut remainders = Vec::with_capacity(weights.len());
    let mut given = 0_i128;
    for &weight in weights {
        let product = total.checked_mul(weight)?;
        let share = product.checked_div(sum)?;
        shares.push(share);
        remainders.push(product.checked_rem(sum)?);
        given = given.checked_add(share)?;
    }
    let mut leftover = total.checked_sub(given)?;
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| {
        let remainder = |i: usize| remainders.get(i).copied().unwrap_or(0);
        remainder(b).cmp(&remainder(a)).then(a.cmp(&b))
    });
    for index in order {
        if leftover <= 0 {
            break;
        }
        if remainders.get(index).copied().unwrap_or(0) > 0
            && let Some(share) = shares.get_mut(index)
        {
            *share = share.checked_add(1)?;
            leftover -= 1;
        }
    }
    Some(shares)
}
