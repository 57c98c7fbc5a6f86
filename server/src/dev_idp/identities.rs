//! The people one can sign in as on the built-in provider.

pub struct TestIdentity {
    pub subject: &'static str,
    pub given_name: &'static str,
    pub family_name: &'static str,
    pub email: &'static str,
    /// Shown on the choice page, to tell the identities apart.
    pub description: &'static str,
}

pub const IDENTITIES: [TestIdentity; 4] = [
    TestIdentity {
        subject: "dev-marie-schmit",
        given_name: "Marie",
        family_name: "Schmit",
        email: "marie.schmit@example.lu",
        description: "Gérante d'une bijouterie / manager of a jeweller's shop",
    },
    TestIdentity {
        subject: "dev-luc-weber",
        given_name: "Luc",
        family_name: "Weber",
        email: "luc.weber@example.lu",
        description: "Responsable sécurité d'une PME / security officer of a small business",
    },
    TestIdentity {
        subject: "dev-sophie-hoffmann",
        given_name: "Sophie",
        family_name: "Hoffmann",
        email: "sophie.hoffmann@example.lu",
        description:
            "Gérante d'un cabinet médical, lit l'allemand / runs a medical practice, reads German",
    },
    TestIdentity {
        subject: "dev-agent-claude-muller",
        given_name: "Claude",
        family_name: "Muller",
        email: "claude.muller@police.example.lu",
        description:
            "Agent de la Police, section Alarmis du CIN / police agent, CIN Alarmis section",
    },
];

pub fn find(subject: &str) -> Option<&'static TestIdentity> {
    IDENTITIES.iter().find(|i| i.subject == subject)
}

/// The means of authentication offered, as `acr` values.
pub const MEANS: [(&str, &str); 2] = [
    ("luxtrust", "LuxTrust (Token, Scan, Mobile)"),
    (
        "eid",
        "Carte d'identité électronique (eID) / electronic identity card",
    ),
];
