//! The fee for an intervention after a false alert (R2005 Art. 13): 4 EUR administrative fee,
//! 3.5 EUR per person and hour, 0.5 EUR per kilometre and vehicle, at index 100 of 1 January
//! 1948 of the weighted cost-of-living index (the sliding wage scale's *cote d'application*, not
//! STATEC's consumer price index), so each amount is multiplied by the index in force on the
//! day of the false alert / 100. The index values are data (`price_indices.rs`), never code.
//!
//! Decimal arithmetic throughout: a fee is money a person pays, so no binary fraction may move
//! a cent. Each line is indexed and rounded to the cent (half away from zero, as a cashier
//! rounds), and the total is the sum of the rounded lines, so the computation shown to the
//! applicant adds up exactly.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// Art. 13 amounts at index 100, in euros.
const ADMINISTRATIVE_FEE: Decimal = Decimal::from_parts(4, 0, 0, false, 0);
const PER_PERSON_HOUR: Decimal = Decimal::from_parts(35, 0, 0, false, 1);
const PER_KILOMETRE_VEHICLE: Decimal = Decimal::from_parts(5, 0, 0, false, 1);
const HUNDRED: Decimal = Decimal::from_parts(100, 0, 0, false, 0);

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FeeError {
    #[error("fee-index-invalid")]
    IndexNotPositive,
    #[error("fee-intervention-negative")]
    Negative,
    #[error("fee-intervention-no-persons")]
    NoPersons,
}

/// The weighted cost-of-living index on the 1948 base (100 on 1 January 1948), as an agent or
/// the configuration gives it ("944.43"); strictly positive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceIndex(Decimal);

impl PriceIndex {
    pub fn new(value: Decimal) -> Result<PriceIndex, FeeError> {
        if value > Decimal::ZERO {
            Ok(PriceIndex(value))
        } else {
            Err(FeeError::IndexNotPositive)
        }
    }

    pub fn value(self) -> Decimal {
        self.0
    }
}

impl std::str::FromStr for PriceIndex {
    type Err = FeeError;

    fn from_str(text: &str) -> Result<PriceIndex, FeeError> {
        let value = text
            .trim()
            .parse::<Decimal>()
            .map_err(|_| FeeError::IndexNotPositive)?;
        PriceIndex::new(value)
    }
}

/// What an agent records after a false alert: how many people went, for how long, how far and
/// with how many vehicles. Hours and kilometres may be fractions ("1.5" hours).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Intervention {
    pub persons: u32,
    pub hours: Decimal,
    pub kilometres: Decimal,
    pub vehicles: u32,
}

/// The fee line by line, as the applicant is shown it: each line's amount at index 100, then
/// indexed and rounded to the cent; the total is their sum.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeComputation {
    pub intervention: Intervention,
    pub index: PriceIndex,
    /// Persons × hours, and kilometres × vehicles: the quantities the rates apply to.
    pub person_hours: Decimal,
    pub vehicle_kilometres: Decimal,
    pub administrative: Decimal,
    pub personnel: Decimal,
    pub vehicles: Decimal,
    pub total: Decimal,
}

impl FeeComputation {
    /// The three lines before indexation (administrative, personnel, vehicles), at index 100.
    pub fn at_index_100(&self) -> [Decimal; 3] {
        [
            ADMINISTRATIVE_FEE,
            self.person_hours * PER_PERSON_HOUR,
            self.vehicle_kilometres * PER_KILOMETRE_VEHICLE,
        ]
    }

    /// The rates of Art. 13 at index 100: per false alert, per person-hour, per vehicle-km.
    pub const RATES: [Decimal; 3] = [ADMINISTRATIVE_FEE, PER_PERSON_HOUR, PER_KILOMETRE_VEHICLE];

    pub fn new(intervention: Intervention, index: PriceIndex) -> Result<FeeComputation, FeeError> {
        if intervention.hours < Decimal::ZERO || intervention.kilometres < Decimal::ZERO {
            return Err(FeeError::Negative);
        }
        if intervention.persons == 0 {
            return Err(FeeError::NoPersons);
        }
        let indexed = |amount: Decimal| {
            (amount * index.0 / HUNDRED)
                .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        };
        let person_hours = Decimal::from(intervention.persons) * intervention.hours;
        let vehicle_kilometres = intervention.kilometres * Decimal::from(intervention.vehicles);
        let administrative = indexed(ADMINISTRATIVE_FEE);
        let personnel = indexed(person_hours * PER_PERSON_HOUR);
        let vehicles = indexed(vehicle_kilometres * PER_KILOMETRE_VEHICLE);
        Ok(FeeComputation {
            intervention,
            index,
            person_hours,
            vehicle_kilometres,
            administrative,
            personnel,
            vehicles,
            total: administrative + personnel + vehicles,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn fee(
        persons: u32,
        hours: &str,
        kilometres: &str,
        vehicles: u32,
        index: &str,
    ) -> FeeComputation {
        let intervention = Intervention {
            persons,
            hours: dec(hours),
            kilometres: dec(kilometres),
            vehicles,
        };
        FeeComputation::new(intervention, index.parse().unwrap()).unwrap()
    }

    #[test]
    fn at_index_100_the_fee_is_the_articles_amounts() {
        // Two officers for one hour, one car driving 10 km: 4 + 2 × 1 × 3.5 + 10 × 1 × 0.5.
        let computed = fee(2, "1", "10", 1, "100");
        assert_eq!(computed.administrative, dec("4.00"));
        assert_eq!(computed.personnel, dec("7.00"));
        assert_eq!(computed.vehicles, dec("5.00"));
        assert_eq!(computed.total, dec("16.00"));
    }

    #[test]
    fn the_index_multiplies_every_line() {
        // Index 944.43: 4 × 9.4443 = 37.7772 → 37.78; 7 × 9.4443 = 66.1101 → 66.11;
        // 5 × 9.4443 = 47.2215 → 47.22 (the half cent is not reached).
        let computed = fee(2, "1", "10", 1, "944.43");
        assert_eq!(computed.administrative, dec("37.78"));
        assert_eq!(computed.personnel, dec("66.11"));
        assert_eq!(computed.vehicles, dec("47.22"));
        assert_eq!(computed.total, dec("151.11"));
    }

    #[test]
    fn half_a_cent_rounds_up_and_the_lines_add_up_to_the_total() {
        // 3 persons × 1.5 h = 4.5 person-hours × 3.5 = 15.75 at index 100; at index 101.5:
        // 15.98625 → 15.99. 2 vehicles × 12.3 km = 24.6 × 0.5 = 12.3; × 1.015 = 12.4845 → 12.48.
        // 4 × 1.015 = 4.06. A half cent exactly: 0.5 km × 1 vehicle × 0.5 = 0.25; × 1.01 =
        // 0.2525 → 0.25; × 1.03 = 0.2575 → 0.26.
        let computed = fee(3, "1.5", "12.3", 2, "101.5");
        assert_eq!(computed.person_hours, dec("4.5"));
        assert_eq!(computed.vehicle_kilometres, dec("24.6"));
        assert_eq!(computed.personnel, dec("15.99"));
        assert_eq!(computed.vehicles, dec("12.48"));
        assert_eq!(computed.administrative, dec("4.06"));
        assert_eq!(computed.total, dec("32.53"));
        assert_eq!(fee(1, "0", "0.5", 1, "103").vehicles, dec("0.26"));
        // 1 × 0.1 h × 3.5 = 0.35; × 1.5 = 0.525, a half cent exactly: away from zero.
        assert_eq!(fee(1, "0.1", "0", 0, "150").personnel, dec("0.53"));
    }

    #[test]
    fn binary_fractions_would_lose_a_cent_here_and_decimals_do_not() {
        // 0.1 + 0.2 in f64 is 0.30000000000000004; in decimals, 3 × 0.1 h × 3.5 is 1.05 exactly,
        // and at index 100 it stays 1.05.
        assert_eq!(fee(3, "0.1", "0", 0, "100").personnel, dec("1.05"));
    }

    #[test]
    fn nonsense_is_refused_with_its_reason() {
        let intervention = Intervention {
            persons: 1,
            hours: dec("-1"),
            kilometres: dec("0"),
            vehicles: 0,
        };
        let index = PriceIndex::new(dec("100")).unwrap();
        assert_eq!(
            FeeComputation::new(intervention, index),
            Err(FeeError::Negative)
        );
        let nobody = Intervention {
            persons: 0,
            hours: dec("1"),
            ..intervention
        };
        assert_eq!(FeeComputation::new(nobody, index), Err(FeeError::NoPersons));
        assert_eq!("0".parse::<PriceIndex>(), Err(FeeError::IndexNotPositive));
        assert_eq!(
            "cent".parse::<PriceIndex>(),
            Err(FeeError::IndexNotPositive)
        );
        assert_eq!(
            " 944.43 ".parse::<PriceIndex>().map(PriceIndex::value),
            Ok(dec("944.43"))
        );
    }

    #[test]
    fn every_refusal_has_words_in_every_language() {
        use crate::i18n::{catalog, Locale};
        for error in [
            FeeError::IndexNotPositive,
            FeeError::Negative,
            FeeError::NoPersons,
        ] {
            for locale in Locale::ALL {
                assert!(
                    catalog::has_message(locale, &error.to_string()),
                    "{error} in {locale:?}"
                );
            }
        }
    }
}
