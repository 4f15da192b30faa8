"""One QWizardPage per step: thin views that read answers and render an Assessment."""
