# Cahier des charges (brief). Référence : templates/locales/en-US/brief.ftl.

## En-tête.
brief_letterhead = Cahier des charges
brief_number = N°
brief_date = Date

## Pour qui, quelle mission.
brief_prepared_for = Préparé pour
brief_prepared_for_by = Préparé pour { $client } par { $provider }
brief_attention = À l’attention de { $sponsor }
brief_engagement = Mission
brief_engagement_line = Mission : { $workflow }
brief_discovery_by = Recueil des besoins par { $provider }
brief_prepared_by = Préparé par { $name }

## Informations en attente (TBD reste tel quel : c’est ainsi qu’apparaît toute valeur inconnue).
brief_open_facts = Les informations en attente sont signalées par TBD : merci de les confirmer avant qu’une proposition ne s’appuie sur elles.
brief_open_one = Une information reste à confirmer. Elle est signalée par TBD ci-dessous et doit être confirmée avant qu’une proposition ne s’appuie sur elle.
brief_open_many = { $count } informations restent à confirmer. Elles sont signalées par TBD ci-dessous et doivent être confirmées avant qu’une proposition ne s’appuie sur elles.

## Sections.
brief_problem = Problématique
brief_goal = Objectif
brief_current_process = Processus actuel
brief_monthly_volume = Volume mensuel
brief_monthly_volume_line = Volume mensuel : { $volume }
brief_systems = Systèmes
brief_success_metrics = Indicateurs de réussite
brief_constraints = Contraintes
brief_out_of_scope = Hors périmètre
brief_stakeholders = Parties prenantes
brief_stakeholder_name = Nom
brief_stakeholder_role = Rôle

## Phrase finale.
brief_not_a_proposal = Ces éléments sont issus de la phase de recueil des besoins. Ils ne constituent pas une proposition.
