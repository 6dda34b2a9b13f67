# Documento de requisitos (brief). Referencia: templates/locales/en-US/brief.ftl.

## Membrete.
brief_letterhead = Ficha de requisitos
brief_number = N.º
brief_date = Fecha

## Para quién, qué proyecto.
brief_prepared_for = Preparado para
brief_prepared_for_by = Preparado para { $client } por { $provider }
brief_attention = A la atención de { $sponsor }
brief_engagement = Proyecto
brief_engagement_line = Proyecto: { $workflow }
brief_discovery_by = Análisis de requisitos realizado por { $provider }
brief_prepared_by = Elaborado por { $name }

## Datos pendientes (TBD se mantiene: así aparece todo valor desconocido).
brief_open_facts = Los datos pendientes se indican con TBD: confírmelos antes de que una propuesta se base en ellos.
brief_open_one = Hay un dato pendiente. Se indica con TBD a continuación y debe confirmarse antes de que una propuesta se base en él.
brief_open_many = Hay { $count } datos pendientes. Se indican con TBD a continuación y deben confirmarse antes de que una propuesta se base en ellos.

## Secciones.
brief_problem = Problema
brief_goal = Objetivo
brief_current_process = Proceso actual
brief_monthly_volume = Volumen mensual
brief_monthly_volume_line = Volumen mensual: { $volume }
brief_systems = Sistemas
brief_success_metrics = Indicadores de éxito
brief_constraints = Restricciones
brief_out_of_scope = Fuera del alcance
brief_stakeholders = Partes interesadas
brief_stakeholder_name = Nombre
brief_stakeholder_role = Función

## Frase final.
brief_not_a_proposal = Estos son los datos recabados en el análisis de requisitos. No constituyen una propuesta.
