# Het voorstel (templates/proposal.md, proposal.typ). Referentie: templates/locales/en-US/proposal.ftl.

## Titelblok en geadresseerde.
proposal_heading = Voorstel
proposal_number = Voorstelnr.
proposal_date = Datum
proposal_currency = Valuta
proposal_prepared_for = Opgesteld voor
proposal_attn = T.a.v. { $name }
proposal_proposed = Onderwerp
proposal_title_by = { $title } van { $provider }
proposal_prepared_by = Opgesteld door
proposal_prepared_by_for = Opgesteld door { $provider } voor { $client }
proposal_label_colon = { $label }:

## Onderdelen.
proposal_executive_summary = Managementsamenvatting
proposal_in_scope = Binnen de scope
proposal_out_of_scope = Buiten de scope
proposal_deliverables = Op te leveren resultaten
proposal_timeline = Planning
proposal_no_phases = Nog geen fasen vastgelegd.

## Planning.
proposal_phase = Fase
proposal_length = Duur
proposal_weeks = Weken
proposal_week_count_one = { $count } week
proposal_week_count = { $count } weken
proposal_total = Totaal
proposal_weeks_from_start = Weken vanaf de start van de werkzaamheden
proposal_weeks_from_start_open = Weken vanaf de start van de werkzaamheden; een fase zonder balk heeft nog geen overeengekomen duur

## Prijs en aanvaarding.
proposal_price_and_terms = Prijs en betalingsvoorwaarden
proposal_fixed_fee = Vaste prijs
proposal_payment_terms = Betalingsvoorwaarden
proposal_acceptance = Aanvaarding
proposal_not_a_contract = Dit voorstel is geen overeenkomst. De werkzaamheden beginnen pas na ondertekening van een overeenkomst.
