//! "Your obligations once connected": a one-page PDF in the reader's language, to print and
//! keep near the control panel with the livret d'exploitation (issue 24, point 11). Every item
//! names its source: R2005's articles, or the procedure page where the obligation comes from it
//! (the yearly transmission test). The false alerts' fees are shown with the index the portal
//! applies today (R2005 Art. 13: the amounts are at index 100 of the weighted cost-of-living
//! index of 1 January 1948).

use app::i18n::{FluentArgs, I18n, Locale};
use app::model::after_connection::{FeeComputation, Intervention, PriceIndex};

use crate::pdf::{write_pdf, Line};

/// The sheet's items in reading order: each a heading and its text, both catalogue ids.
const ITEMS: [&str; 7] = [
    "maintenance",
    "log",
    "test",
    "inspection",
    "changes",
    "training",
    "false-alerts",
];

/// "37,78" in French and German, "37.78" in English: the amount as the reader writes it.
fn amount(i18n: I18n, value: impl std::fmt::Display) -> String {
    i18n.decimal(&format!("{value:.2}"))
}

pub fn render(locale: Locale, index: PriceIndex) -> Vec<u8> {
    let i18n = I18n { locale };
    let mut lines = vec![
        Line::Bold(i18n.t("letter-sender")),
        Line::Text(i18n.t("letter-sender-unit")),
        Line::Gap,
        Line::Title(i18n.t("sheet-title")),
        Line::Text(i18n.t("sheet-intro")),
    ];
    for item in ITEMS {
        lines.push(Line::Heading(i18n.t(&format!("sheet-{item}-title"))));
        lines.push(Line::Text(i18n.t(&format!("sheet-{item}-body"))));
    }
    let [per_alert, per_person_hour, per_vehicle_km] = FeeComputation::RATES;
    let mut args = FluentArgs::new();
    args.set("alert", amount(i18n, per_alert));
    args.set("person", amount(i18n, per_person_hour));
    args.set("vehicle", amount(i18n, per_vehicle_km));
    args.set(
        "index",
        i18n.decimal(&index.value().normalize().to_string()),
    );
    // One false alert's administrative fee at today's index, computed as a fee is (the same
    // rounding): an intervention of one person, no time, no vehicle.
    let one_alert = Intervention {
        persons: 1,
        hours: Default::default(),
        kilometres: Default::default(),
        vehicles: 0,
    };
    let alert_now = FeeComputation::new(one_alert, index)
        .map(|fee| amount(i18n, fee.administrative))
        .unwrap_or_default();
    args.set("alert_now", alert_now);
    lines.push(Line::Text(i18n.t_with("sheet-fees-body", &args)));
    lines.push(Line::Heading(i18n.t("sheet-disconnection-title")));
    lines.push(Line::Text(i18n.t("sheet-disconnection-body")));
    lines.push(Line::Gap);
    lines.push(Line::Text(i18n.t("sheet-contact")));
    write_pdf(&lines, &i18n.t("sheet-title"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_item_and_the_fee_at_todays_index() {
        let index = PriceIndex::new("944.43".parse().unwrap()).unwrap();
        for locale in [Locale::Fr, Locale::De, Locale::En] {
            let pdf = render(locale, index);
            assert!(pdf.starts_with(b"%PDF-"));
            let i18n = I18n { locale };
            for item in ITEMS {
                for part in ["title", "body"] {
                    let id = format!("sheet-{item}-{part}");
                    assert_ne!(i18n.t(&id), id, "{locale:?} lacks {id}");
                }
            }
        }
    }
}
