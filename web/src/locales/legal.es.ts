/** Spanish strings of the report's authored sections (editor in the report view). */
export const legalEs = {
  narratives: {
    title: 'Textos del informe',
    intro:
      'Secciones redactadas por el equipo y el panel, por edición e idioma. Cite testimonios o pruebas con [@id]: el informe muestra su título y los pasajes citados solo si pueden publicarse en esa edición. Una cita a un elemento inexistente o borrado impide congelar la versión.',
    section: 'Sección',
    edition: 'Edición',
    lang: 'Idioma',
    text: 'Texto',
    cite: 'Citar un testimonio o una prueba',
    citeNone: '— elegir —',
    insert: 'Insertar cita',
    save: 'Guardar texto',
    saved: 'Texto guardado (revisión {{n}}).',
    revision: 'Revisión {{n}}, por {{author}}',
    unsaved: 'Sin texto todavía.',
    declarationHint: 'Su propia declaración de independencia y conflictos de interés (miembros del panel).',
    sections: {
      background: 'Antecedentes',
      attack: 'Descripción del ataque',
      methodology: 'Metodología aplicada',
      limitations: 'Limitaciones',
      recommendations: 'Recomendaciones del panel',
      declaration: 'Mi declaración',
    },
    editions: { public: 'pública', confidential: 'confidencial' },
    langs: { es: 'español', en: 'inglés' },
    kinds: { testimony: 'testimonio', evidence: 'prueba' },
  },
};
