/** Talent: portrait metrics, job models, match scores and tiers, as pure computations. */
export * from './talentMetrics';
export * from './jobModelTypes';
export * from './jobModelValidation';
export * from './matchScore';
export * from './jobModelTemplates';
export * from './portrait';
export * from './portraitInputs';
export * from './talentApi';
export * from './mainGap';
export * from './talentDecision';
export * from './questionnaire';
export * from './questionBank';
export * from './assessmentApi';
export * from './assessmentPortrait';
export * from './demoAnswers';
