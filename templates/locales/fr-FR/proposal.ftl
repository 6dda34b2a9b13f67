# La proposition (templates/proposal.md, proposal.typ). Référence : templates/locales/en-US/proposal.ftl.

## En-tête et destinataire.
proposal_heading = Proposition
proposal_number = N° de proposition
proposal_date = Date
proposal_currency = Devise
proposal_prepared_for = Destinataire
proposal_attn = À l’attention de { $name }
proposal_proposed = Objet
proposal_title_by = { $title } de { $provider }
proposal_prepared_by = Établi par
proposal_prepared_by_for = Établi par { $provider } pour { $client }
# Espace insécable avant le deux-points.
proposal_label_colon = { $label } :

## Sections.
proposal_executive_summary = Synthèse
proposal_in_scope = Inclus dans le périmètre
proposal_out_of_scope = Hors périmètre
proposal_deliverables = Livrables
proposal_timeline = Calendrier
proposal_no_phases = Aucune phase n’est encore définie.

## Calendrier.
proposal_phase = Phase
proposal_length = Durée
proposal_weeks = Semaines
proposal_week_count_one = { $count } semaine
proposal_week_count = { $count } semaines
proposal_total = Total
proposal_weeks_from_start = Semaines à compter du début des travaux
proposal_weeks_from_start_open = Semaines à compter du début des travaux ; une phase sans barre n’a pas encore de durée convenue

## Prix et acceptation.
proposal_price_and_terms = Prix et conditions de paiement
proposal_fixed_fee = Prix forfaitaire
proposal_payment_terms = Conditions de paiement
proposal_acceptance = Acceptation
proposal_not_a_contract = La présente proposition ne constitue pas un contrat. Les travaux ne commencent qu’après la signature d’un contrat.
