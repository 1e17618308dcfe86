/* zc-declaration-materials.h
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "zc-local-store.h"
#include "zc-plan.h"
#include "zc-session.h"

G_BEGIN_DECLS

/* What a declaration hands in, for the reviewers' desk: the picked
 * achievements as frozen at the submission (the server's detail; the
 * ones the unit had not approved marked) and the declaration's own
 * files (photo, signed commitment, the plan's attachments, from the
 * local copy), with the chosen file shown below the list.  A file not
 * on this computer is fetched from the server and kept in the store. */

#define ZC_TYPE_DECLARATION_MATERIALS (zc_declaration_materials_get_type ())
G_DECLARE_FINAL_TYPE (ZcDeclarationMaterials, zc_declaration_materials, ZC, DECLARATION_MATERIALS, AdwBin)

GtkWidget *zc_declaration_materials_new             (ZcLocalStore           *store,
                                                     ZcSession              *session);
void       zc_declaration_materials_set_declaration (ZcDeclarationMaterials *self,
                                                     JsonObject             *body,
                                                     ZcPlan                 *plan,
                                                     JsonArray              *picks,
                                                     const char             *picks_note);
guint      zc_declaration_materials_get_n_picks     (ZcDeclarationMaterials *self);
guint      zc_declaration_materials_get_n_pending   (ZcDeclarationMaterials *self);
guint      zc_declaration_materials_get_n_files     (ZcDeclarationMaterials *self);
const char *zc_declaration_materials_get_file_label (ZcDeclarationMaterials *self,
                                                     guint                   index);
gboolean   zc_declaration_materials_show_file       (ZcDeclarationMaterials *self,
                                                     guint                   index);
gboolean   zc_declaration_materials_is_fetching     (ZcDeclarationMaterials *self);
GtkWidget *zc_declaration_materials_get_preview     (ZcDeclarationMaterials *self);

G_END_DECLS
