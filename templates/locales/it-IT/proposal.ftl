# La proposta (templates/proposal.md, proposal.typ). Riferimento: templates/locales/en-US/proposal.ftl.

## Intestazione e destinatario.
proposal_heading = Proposta
proposal_number = N. proposta
proposal_date = Data
proposal_currency = Valuta
proposal_prepared_for = Destinatario
proposal_attn = All’attenzione di { $name }
proposal_proposed = Oggetto
proposal_title_by = { $title } di { $provider }
proposal_prepared_by = Redatto da
proposal_prepared_by_for = Redatto da { $provider } per { $client }
proposal_label_colon = { $label }:

## Sezioni.
proposal_executive_summary = Sintesi
proposal_in_scope = Incluso nell’ambito
proposal_out_of_scope = Escluso dall’ambito
proposal_deliverables = Deliverable
proposal_timeline = Tempistiche
proposal_no_phases = Nessuna fase ancora registrata.

## Tempistiche.
proposal_phase = Fase
proposal_length = Durata
proposal_weeks = Settimane
proposal_week_count_one = { $count } settimana
proposal_week_count = { $count } settimane
proposal_total = Totale
proposal_weeks_from_start = Settimane dall’inizio delle attività
proposal_weeks_from_start_open = Settimane dall’inizio delle attività; una fase senza barra non ha ancora una durata concordata

## Prezzo e accettazione.
proposal_price_and_terms = Prezzo e condizioni di pagamento
proposal_fixed_fee = Corrispettivo forfettario
proposal_payment_terms = Condizioni di pagamento
proposal_acceptance = Accettazione
proposal_not_a_contract = La presente proposta non costituisce un contratto. Le attività hanno inizio solo con la sottoscrizione di un contratto.
