# De overeenkomst (templates/agreement.md, agreement.typ). Referentie: templates/locales/en-US/agreement.ftl.

## Titelblok.
agreement_heading = Overeenkomst
agreement_number = Overeenkomstnr.
agreement_date = Datum
agreement_accepts_proposal = Aanvaard voorstel
agreement_accepts_proposal_line = Met deze overeenkomst wordt voorstel { $proposal } aanvaard.
agreement_label_colon = { $label }:

## Partijen.
agreement_parties = Partijen
# De statutaire namen (vet), elk gevolgd door het adres („, straat, plaats” of leeg); de template voegt de punt toe.
agreement_parties_sentence = Deze overeenkomst wordt gesloten tussen { $provider } (opdrachtnemer){ $provider_address } en { $client } (opdrachtgever){ $client_address }

## Bepalingen.
agreement_terms = Bepalingen
agreement_scope = Omvang van de opdracht
agreement_term = Looptijd
agreement_fees = Vergoeding en betaling
agreement_fees_text = De opdrachtgever betaalt de opdrachtnemer een vaste vergoeding. De aanbetaling is verschuldigd bij ondertekening van deze overeenkomst.
agreement_item = Omschrijving
agreement_amount = Bedrag
agreement_fixed_fee = Vaste vergoeding
agreement_deposit_due = Aanbetaling bij ondertekening
agreement_deposit_received = Aanbetaling ontvangen
agreement_exclusions = Uitsluitingen
agreement_not_covered = Deze overeenkomst omvat niet:
agreement_precedence = Rangorde
agreement_precedence_text = Met deze overeenkomst wordt voorstel { $proposal } aanvaard. Bij strijdigheid prevaleert deze overeenkomst.
agreement_launch = Livegang
agreement_launch_text = Deze overeenkomst geeft op zichzelf geen toestemming voor livegang; daarvoor is een beveiligingsgoedkeuring vereist.

## Handtekeningen.
agreement_signatures = Handtekeningen
agreement_signed_for_each = Voor elke partij ondertekend door haar bevoegde vertegenwoordiger.
agreement_no_signatories = Geen ondertekenaars vastgelegd.
agreement_party = Partij
agreement_for = Namens
agreement_signature = Handtekening
agreement_name = Naam
agreement_job_title = Functie
agreement_signed_on = Ondertekend op
agreement_signature_date = Datum
