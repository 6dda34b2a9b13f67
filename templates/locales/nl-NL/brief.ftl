# Eisendocument (brief). Referentie: templates/locales/en-US/brief.ftl.

## Briefhoofd.
brief_letterhead = Eisendocument
brief_number = Nr.
brief_date = Datum

## Voor wie, welke opdracht.
brief_prepared_for = Opgesteld voor
brief_prepared_for_by = Opgesteld voor { $client } door { $provider }
brief_attention = T.a.v. { $sponsor }
brief_engagement = Opdracht
brief_engagement_line = Opdracht: { $workflow }
brief_discovery_by = Inventarisatie door { $provider }
brief_prepared_by = Opgesteld door { $name }

## Openstaande gegevens (TBD blijft staan: zo verschijnt elke onbekende waarde).
brief_open_facts = Openstaande gegevens zijn gemarkeerd met TBD: wij verzoeken u deze te bevestigen voordat een voorstel erop wordt gebaseerd.
brief_open_one = Eén gegeven staat nog open. Het is hieronder gemarkeerd met TBD en moet worden bevestigd voordat een voorstel erop wordt gebaseerd.
brief_open_many = { $count } gegevens staan nog open. Ze zijn hieronder gemarkeerd met TBD en moeten worden bevestigd voordat een voorstel erop wordt gebaseerd.

## Onderdelen.
brief_problem = Probleem
brief_goal = Doel
brief_current_process = Huidig proces
brief_monthly_volume = Maandelijks volume
brief_monthly_volume_line = Maandelijks volume: { $volume }
brief_systems = Systemen
brief_success_metrics = Succescriteria
brief_constraints = Randvoorwaarden
brief_out_of_scope = Buiten scope
brief_stakeholders = Belanghebbenden
brief_stakeholder_name = Naam
brief_stakeholder_role = Rol

## Slotzin.
brief_not_a_proposal = Dit zijn de bevindingen uit de inventarisatie. Zij vormen geen voorstel.
