# Mots communs à tous les documents. Référence : templates/locales/en-US/common.ftl.

## Titres des documents.
title_brief = Cahier des charges
title_proposal = Proposition de pilote
title_agreement = Contrat
title_launch_checklist = Liste de contrôle de mise en service
title_security_memo = Note de validation sécurité
title_health_scorecard = Tableau de bord client et revue trimestrielle
title_case_study = Étude de cas
title_invoice = Facture
title_credit_note = Avoir
title_statement = Relevé de compte
title_reminder = Relance de paiement
title_email_sequence = Séquence d’e-mails
title_envelope = Enveloppe
title_certificate = Attestation d’achèvement
title_change_order = Avenant

## Mention de brouillon.
draft_banner = BROUILLON : non approuvé pour utilisation.
draft_missing = Approbations et informations manquantes :
draft_watermark = BROUILLON
draft_missing_approval = approbation « { $gate } » pour { $action } (périmètre { $scope })
draft_missing_fact = l’information { $field } reste à préciser
draft_missing_einvoice = facture électronique : { $what }

## Éléments de page et petits mots.
page_of = Page { $page } sur { $total }
tax_id = N° TVA
list_none = Aucun.
none_recorded = Aucun élément.
