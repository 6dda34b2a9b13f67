# Der Vertrag (templates/agreement.md, agreement.typ). Referenz: templates/locales/en-US/agreement.ftl.

## Titelblock.
agreement_heading = Vertrag
agreement_number = Vertrags-Nr.
agreement_date = Datum
agreement_accepts_proposal = Angenommenes Angebot
agreement_accepts_proposal_line = Mit diesem Vertrag wird das Angebot { $proposal } angenommen.
agreement_label_colon = { $label }:

## Vertragsparteien.
agreement_parties = Vertragsparteien
# Die Firmen (fett) mit ihrer Anschrift („, Straße, Ort“ oder leer); der Punkt kommt vom Template.
agreement_parties_sentence = Dieser Vertrag wird geschlossen zwischen { $provider } (Auftragnehmer){ $provider_address } und { $client } (Auftraggeber){ $client_address }

## Vertragsbestimmungen.
agreement_terms = Vertragsbestimmungen
agreement_scope = Leistungsumfang
agreement_term = Laufzeit
agreement_fees = Vergütung und Zahlung
agreement_fees_text = Der Auftraggeber zahlt dem Auftragnehmer eine Festvergütung. Die Anzahlung ist bei Unterzeichnung dieses Vertrags fällig.
agreement_item = Position
agreement_amount = Betrag
agreement_fixed_fee = Festvergütung
agreement_deposit_due = Anzahlung, fällig bei Unterzeichnung
agreement_deposit_received = Anzahlung eingegangen
agreement_exclusions = Ausschlüsse
agreement_not_covered = Nicht Gegenstand dieses Vertrags sind:
agreement_precedence = Rangfolge
agreement_precedence_text = Mit diesem Vertrag wird das Angebot { $proposal } angenommen. Bei Widersprüchen hat dieser Vertrag Vorrang.
agreement_launch = Inbetriebnahme
agreement_launch_text = Dieser Vertrag berechtigt für sich genommen nicht zur Inbetriebnahme; diese setzt eine Sicherheitsfreigabe voraus.

## Unterschriften.
agreement_signatures = Unterschriften
agreement_signed_for_each = Für jede Partei unterzeichnet durch ihre bevollmächtigte Vertretung.
agreement_no_signatories = Keine Unterzeichnenden erfasst.
agreement_party = Partei
agreement_for = Für
agreement_signature = Unterschrift
agreement_name = Name
agreement_job_title = Funktion
agreement_signed_on = Unterzeichnet am
agreement_signature_date = Datum
