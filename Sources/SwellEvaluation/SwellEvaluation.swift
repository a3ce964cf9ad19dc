// Evaluation placeholder
