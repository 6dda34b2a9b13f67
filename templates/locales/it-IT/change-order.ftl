# L’ordine di modifica (templates/change-order.md, change-order.typ). Riferimento: templates/locales/en-US/change-order.ftl.

## Intestazione e cosa si modifica.
change_order_heading = Ordine di modifica
change_order_number = N. ordine di modifica
change_order_date = Data
change_order_requested_by = Richiesto da
change_order_client = Cliente
change_order_amends = Modifica
# Dopo «Modifica» e «Aggiunge» (il PDF mette la prima lettera in maiuscolo), poi la chiave dell’ambito.
change_order_signed_scope = l’ambito sottoscritto
change_order_adds = Aggiunge
change_order_new_scope = un nuovo ambito
change_order_label_colon = { $label }:

## Le modifiche e il loro impatto.
change_order_changes = Modifiche rispetto all’ambito sottoscritto
change_order_no_changes = Nessuna modifica indicata.
change_order_impact = Impatto
change_order_price_impact = Impatto sul prezzo
change_order_schedule_impact = Impatto sui tempi
change_order_to_be_agreed = Da concordare prima che il presente ordine di modifica possa essere approvato.

## Approvazioni e domande aperte.
change_order_approvals = Approvazioni
change_order_approvals_missing = Approvazioni mancanti
change_order_approved = approvato
change_order_all_approved = Tutte le approvazioni sono in vigore.
change_order_not_approved = Non ancora approvato.
change_order_still_missing = Mancano ancora:
change_order_open_questions = Domande aperte

## I filoni di attività di questo ambito.
change_order_tracks = Filoni di attività di questo ambito
change_order_track = Filone
change_order_status = Stato
change_order_owner = Responsabile
change_order_blocker = Impedimento
change_order_no_blocker = Nessuno
change_order_prepared_by = Redatto da { $name }.

## Accettazione.
change_order_acceptance = Accettazione
change_order_acceptance_text = Con la sottoscrizione, il cliente accetta le modifiche sopra indicate e il relativo impatto quale integrazione dell’ambito sottoscritto; fino ad allora, l’ambito sottoscritto resta invariato.
change_order_accepted_for_client = Accettato per il cliente
change_order_for_provider = Per il fornitore
change_order_party = Parte
change_order_signature = Firma
change_order_name_and_title = Nome e qualifica
change_order_signature_date = Data
change_order_signature_name_title = Firma · nome e qualifica

## A track's status as the data names it (`status = "draft-only"`); a status not listed
## here is printed as written.
change_order_status_active = attivo
change_order_status_blocked = bloccato
change_order_status_draft-only = solo bozza
change_order_status_done = completato
