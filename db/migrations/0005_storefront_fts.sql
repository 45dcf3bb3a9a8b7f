-- Storefront full-text search (docs/decisions/010-storefront-search.md).
-- FTS5 folds tones and marks (remove_diacritics 2) but not đ/Đ, so the triggers map them to d/D
-- on the indexed text; app/models/catalog.server.ts folds the query the same way (foldVietnamese).
-- rowid = products.id. Triggers keep the index in step inside the same transaction as the write.
CREATE VIRTUAL TABLE `product_fts` USING fts5(
  `name`, `description`, `producer`, `place`,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3 4'
);
--> statement-breakpoint
CREATE TRIGGER `products_fts_insert` AFTER INSERT ON `products` BEGIN
  INSERT INTO `product_fts` (rowid, name, description, producer, place)
  SELECT new.id,
    replace(replace(new.name || ' ' || coalesce(new.name_en, ''), 'đ', 'd'), 'Đ', 'D'),
    replace(replace(new.description || ' ' || coalesce(new.description_en, ''), 'đ', 'd'), 'Đ', 'D'),
    replace(replace(pr.name, 'đ', 'd'), 'Đ', 'D'),
    replace(replace(c.name || ' ' || pr.area || ' ' || coalesce(c.tea_area, ''), 'đ', 'd'), 'Đ', 'D')
  FROM producers pr JOIN communes c ON c.code = pr.commune_code
  WHERE pr.id = new.producer_id;
END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_update` AFTER UPDATE OF name, name_en, description, description_en, producer_id ON `products` BEGIN
  DELETE FROM `product_fts` WHERE rowid = old.id;
  INSERT INTO `product_fts` (rowid, name, description, producer, place)
  SELECT new.id,
    replace(replace(new.name || ' ' || coalesce(new.name_en, ''), 'đ', 'd'), 'Đ', 'D'),
    replace(replace(new.description || ' ' || coalesce(new.description_en, ''), 'đ', 'd'), 'Đ', 'D'),
    replace(replace(pr.name, 'đ', 'd'), 'Đ', 'D'),
    replace(replace(c.name || ' ' || pr.area || ' ' || coalesce(c.tea_area, ''), 'đ', 'd'), 'Đ', 'D')
  FROM producers pr JOIN communes c ON c.code = pr.commune_code
  WHERE pr.id = new.producer_id;
END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_delete` AFTER DELETE ON `products` BEGIN
  DELETE FROM `product_fts` WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `producers_fts_update` AFTER UPDATE OF name, commune_code, area ON `producers` BEGIN
  DELETE FROM `product_fts` WHERE rowid IN (SELECT id FROM products WHERE producer_id = new.id);
  INSERT INTO `product_fts` (rowid, name, description, producer, place)
  SELECT p.id,
    replace(replace(p.name || ' ' || coalesce(p.name_en, ''), 'đ', 'd'), 'Đ', 'D'),
    replace(replace(p.description || ' ' || coalesce(p.description_en, ''), 'đ', 'd'), 'Đ', 'D'),
    replace(replace(new.name, 'đ', 'd'), 'Đ', 'D'),
    replace(replace(c.name || ' ' || new.area || ' ' || coalesce(c.tea_area, ''), 'đ', 'd'), 'Đ', 'D')
  FROM products p JOIN communes c ON c.code = new.commune_code
  WHERE p.producer_id = new.id;
END;
--> statement-breakpoint
INSERT INTO `product_fts` (rowid, name, description, producer, place)
SELECT p.id,
  replace(replace(p.name || ' ' || coalesce(p.name_en, ''), 'đ', 'd'), 'Đ', 'D'),
  replace(replace(p.description || ' ' || coalesce(p.description_en, ''), 'đ', 'd'), 'Đ', 'D'),
  replace(replace(pr.name, 'đ', 'd'), 'Đ', 'D'),
  replace(replace(c.name || ' ' || pr.area || ' ' || coalesce(c.tea_area, ''), 'đ', 'd'), 'Đ', 'D')
FROM products p JOIN producers pr ON pr.id = p.producer_id JOIN communes c ON c.code = pr.commune_code;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS `products_created_idx` ON `products` (`created_at`);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS `variants_price_idx` ON `product_variants` (`product_id`, `price_vnd`);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS `products_name_nocase_idx` ON `products` (`name` COLLATE NOCASE);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS `products_featured_idx` ON `products` (`featured`) WHERE `featured` = 1;
