"""Configuration, rule packs and templates: the policy side, validated like config."""
