# De wijzigingsopdracht (templates/change-order.md, change-order.typ). Referentie: templates/locales/en-US/change-order.ftl.

## Titelblok en wat er wijzigt.
change_order_heading = Wijzigingsopdracht
change_order_number = Wijzigingsnr.
change_order_date = Datum
change_order_requested_by = Aangevraagd door
change_order_client = Opdrachtgever
change_order_amends = Wijzigt
# Na „Wijzigt” en „Voegt toe” (de pdf begint met een hoofdletter), daarna de sleutel van de scope.
change_order_signed_scope = de ondertekende scope
change_order_adds = Voegt toe
change_order_new_scope = een nieuwe scope
change_order_label_colon = { $label }:

## De wijzigingen en de gevolgen.
change_order_changes = Wijzigingen ten opzichte van de ondertekende scope
change_order_no_changes = Geen wijzigingen vermeld.
change_order_impact = Gevolgen
change_order_price_impact = Gevolgen voor de prijs
change_order_schedule_impact = Gevolgen voor de planning
change_order_to_be_agreed = Overeen te komen voordat deze wijzigingsopdracht kan worden goedgekeurd.

## Goedkeuringen en open vragen.
change_order_approvals = Goedkeuringen
change_order_approvals_missing = Nog ontbrekende goedkeuringen
change_order_approved = goedgekeurd
change_order_all_approved = Alle goedkeuringen zijn actueel.
change_order_not_approved = Nog niet goedgekeurd.
change_order_still_missing = Nog ontbrekend:
change_order_open_questions = Open vragen

## De werkstromen binnen deze scope.
change_order_tracks = Werkstromen binnen deze scope
change_order_track = Werkstroom
change_order_status = Status
change_order_owner = Eigenaar
change_order_blocker = Blokkade
change_order_no_blocker = Geen
change_order_prepared_by = Opgesteld door { $name }.

## Aanvaarding.
change_order_acceptance = Aanvaarding
change_order_acceptance_text = Door ondertekening aanvaardt de opdrachtgever de bovenstaande wijzigingen en de gevolgen daarvan als aanvulling op de ondertekende scope; tot dan blijft de ondertekende scope ongewijzigd.
change_order_accepted_for_client = Aanvaard namens de opdrachtgever
change_order_for_provider = Namens de opdrachtnemer
change_order_party = Partij
change_order_signature = Handtekening
change_order_name_and_title = Naam en functie
change_order_signature_date = Datum
change_order_signature_name_title = Handtekening · naam en functie

## A track's status as the data names it (`status = "draft-only"`); a status not listed
## here is printed as written.
change_order_status_active = actief
change_order_status_blocked = geblokkeerd
change_order_status_draft-only = alleen concept
change_order_status_done = afgerond
