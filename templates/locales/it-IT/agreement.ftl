# Il contratto (templates/agreement.md, agreement.typ). Riferimento: templates/locales/en-US/agreement.ftl.

## Intestazione.
agreement_heading = Contratto
agreement_number = N. contratto
agreement_date = Data
agreement_accepts_proposal = Proposta accettata
agreement_accepts_proposal_line = Il presente contratto accetta la proposta { $proposal }.
agreement_label_colon = { $label }:

## Le parti.
agreement_parties = Parti
# Le ragioni sociali (in grassetto), ciascuna seguita dal proprio indirizzo («, via, città» o vuoto); il modello aggiunge il punto.
agreement_parties_sentence = Il presente contratto è stipulato tra { $provider } (il fornitore){ $provider_address } e { $client } (il cliente){ $client_address }

## Le clausole.
agreement_terms = Condizioni
agreement_scope = Ambito
agreement_term = Durata
agreement_fees = Corrispettivo e pagamento
agreement_fees_text = Il cliente corrisponde al fornitore un corrispettivo forfettario. L’acconto è dovuto alla sottoscrizione del presente contratto.
agreement_item = Voce
agreement_amount = Importo
agreement_fixed_fee = Corrispettivo forfettario
agreement_deposit_due = Acconto dovuto alla sottoscrizione
agreement_deposit_received = Acconto ricevuto
agreement_exclusions = Esclusioni
agreement_not_covered = Il presente contratto non comprende:
agreement_precedence = Ordine di prevalenza
agreement_precedence_text = Il presente contratto accetta la proposta { $proposal }. In caso di contrasto, prevale il presente contratto.
agreement_launch = Messa in produzione
agreement_launch_text = Il presente contratto non autorizza di per sé la messa in produzione, che richiede l’approvazione di sicurezza.

## Firme.
agreement_signatures = Firme
agreement_signed_for_each = Sottoscritto per ciascuna parte dal rispettivo rappresentante autorizzato.
agreement_no_signatories = Nessun firmatario registrato.
agreement_party = Parte
agreement_for = Per
agreement_signature = Firma
agreement_name = Nome
agreement_job_title = Qualifica
agreement_signed_on = Firmato il
agreement_signature_date = Data
