/* zc-declaration-wizard.c
 *
 * Copyright 2026 The Zhicheng authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zc-declaration-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "zc-json.h"
#include "zc-local-store-declarations.h"
#include "zc-local-store-home.h"
#include "zc-local-store-photo.h"
#include "zc-wizard-private.h"

/* The window: a step list beside the page of the step, Previous and
 * Next below.  Every page change and closing save the draft to the
 * local store (it goes to the server at the next sync), so nothing
 * typed is lost.  A returned declaration shows the reviewer's comment,
 * and beside the step the return named.  The steps' pages are in
 * zc-wizard-*.c. */

G_DEFINE_FINAL_TYPE (ZcDeclarationWizard, zc_declaration_wizard, ADW_TYPE_WINDOW)

enum {
  ARCHIVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const extra_page_labels[] = {
  N_("Check"), N_("Preview"), N_("Submit"),
};

static const char *
page_label (int page)
{
  if (page < ZC_N_DECLARATION_STEPS)
    return zc_declaration_step_get_label ((ZcDeclarationStep) page, ZC_LANGUAGE_LOCALE);
  return _(extra_page_labels[page - ZC_N_DECLARATION_STEPS]);
}

/**
 * zc_wizard_now:
 *
 * The time windows are judged by: now, or $ZHICHENG_TEST_NOW (RFC
 * 3339) as the server honours it, so tests see a window open.
 */
GDateTime *
zc_wizard_now (void)
{
  const char *text = g_getenv ("ZHICHENG_TEST_NOW");
  GDateTime *now = text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;

  return now != NULL ? now : g_date_time_new_now_utc ();
}

void
zc_wizard_show_message (ZcDeclarationWizard *self,
                        const char          *message)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

JsonObject *
zc_wizard_personal_info_body (ZcDeclarationWizard *self)
{
  return self->personal_info != NULL ? zc_record_get_body (self->personal_info) : NULL;
}

/* Sets or, with a NULL value, removes a member of the working body. */
void
zc_wizard_set_member (ZcDeclarationWizard *self,
                      const char          *member,
                      JsonNode            *value)
{
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    {
      if (json_object_has_member (self->body, member))
        json_object_remove_member (self->body, member);
      if (value != NULL)
        json_node_unref (value);
      return;
    }
  json_object_set_member (self->body, member, value);
}

void
zc_wizard_mark_changed (ZcDeclarationWizard *self)
{
  if (self->loading)
    return;
  gtk_label_set_label (self->status_label, _("Changes not saved yet"));
}

/* A scrolled, clamped page; @content_out receives the box to fill. */
GtkWidget *
zc_wizard_page_box (GtkWidget **content_out)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 18);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  *content_out = box;
  return scrolled;
}

/* Outbox rows of this declaration that have not reached the server. */
static guint
count_waiting (ZcDeclarationWizard *self)
{
  g_autoptr(GPtrArray) outbox = zc_local_store_list_outbox (self->store, NULL);
  guint n = 0;

  for (guint i = 0; outbox != NULL && i < outbox->len; i++)
    {
      const ZcMutation *mutation = g_ptr_array_index (outbox, i);

      if (self->declaration != NULL && g_strcmp0 (mutation->record_id, zc_record_get_id (self->declaration)) == 0)
        n++;
    }
  return n;
}

static void
update_deadline_bar (ZcDeclarationWizard *self)
{
  g_autoptr(GDateTime) now = zc_wizard_now ();
  g_autoptr(GDateTime) soon = g_date_time_add_days (now, ZC_DECLARATION_DEADLINE_WARNING_DAYS);
  ZcDeclarationState state = ZC_DECLARATION_STATE_DRAFT;
  GDateTime *deadline = NULL;
  gboolean close;

  if (self->declaration != NULL)
    zc_local_store_declaration_get_state (self->declaration, &state);
  if (state == ZC_DECLARATION_STATE_DRAFT)
    deadline = zc_plan_get_window (self->plan, ZC_PLAN_WINDOW_FIRST_SUBMISSION_DEADLINE);
  else if (state == ZC_DECLARATION_STATE_RETURNED)
    deadline = zc_plan_get_window (self->plan, ZC_PLAN_WINDOW_MODIFICATION_DEADLINE);

  close = deadline != NULL && g_date_time_compare (now, deadline) <= 0 &&
          g_date_time_compare (deadline, soon) <= 0 && count_waiting (self) > 0;
  if (close)
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_offset (8 * 3600);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (deadline, zone);
      g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M");
      /* Translators: %s is a date and time */
      g_autofree char *text = g_strdup_printf (_("The deadline is %s and changes here have not reached the server yet: "
                                                 "connect to the network before then."), when);
      gtk_label_set_label (self->deadline_label, text);
    }
  gtk_revealer_set_reveal_child (self->deadline_revealer, close);
}

/* The step a return named, from the newest return message. */
static int
returned_step (ZcDeclarationWizard *self)
{
  g_autoptr(GPtrArray) messages = NULL;

  if (self->declaration == NULL)
    return -1;
  messages = zc_local_store_list_record_messages (self->store, zc_record_get_id (self->declaration), NULL);
  for (guint i = messages != NULL ? messages->len : 0; i > 0; i--)
    {
      JsonObject *body = zc_record_get_body (g_ptr_array_index (messages, i - 1));
      JsonNode *action = json_object_get_member (body, "action");
      JsonNode *step = json_object_get_member (body, "step");
      ZcDeclarationStep value;

      /* the server names it "declaration.return" */
      if (action == NULL || !JSON_NODE_HOLDS_VALUE (action) || json_node_get_value_type (action) != G_TYPE_STRING ||
          (g_strcmp0 (json_node_get_string (action), "declaration.return") != 0 &&
           g_strcmp0 (json_node_get_string (action), "return") != 0))
        continue;
      if (step != NULL && JSON_NODE_HOLDS_VALUE (step) && json_node_get_value_type (step) == G_TYPE_STRING &&
          zc_declaration_step_from_string (json_node_get_string (step), &value))
        return (int) value;
      return -1;
    }
  return -1;
}

static void
update_review_comment (ZcDeclarationWizard *self)
{
  ZcDeclarationState state;
  const char *comment = self->declaration != NULL ? zc_record_get_review_comment (self->declaration) : NULL;
  gboolean show = self->declaration != NULL && zc_local_store_declaration_get_state (self->declaration, &state) &&
                  state == ZC_DECLARATION_STATE_RETURNED && comment != NULL && *comment != '\0';
  int step = show ? returned_step (self) : -1;

  if (show)
    {
      /* Translators: %s is the reviewer's comment */
      g_autofree char *text = g_strdup_printf (_("Returned for changes: %s"), comment);
      gtk_label_set_label (self->comment_label, text);
    }
  gtk_revealer_set_reveal_child (self->comment_revealer, show);

  for (int page = 0; page < ZC_N_DECLARATION_STEPS; page++)
    {
      GtkWidget *mark = g_object_get_data (G_OBJECT (self->step_rows[page]), "zc-mark");
      gtk_widget_set_visible (mark, page == step);
    }
  g_object_set_data (G_OBJECT (self), "zc-returned-step", GINT_TO_POINTER (step + 1));
}

static void
update_title (ZcDeclarationWizard *self)
{
  ZcDeclarationState state = ZC_DECLARATION_STATE_DRAFT;
  g_autofree char *subtitle = NULL;

  if (self->declaration != NULL)
    zc_local_store_declaration_get_state (self->declaration, &state);
  /* Translators: the wizard's subtitle: the plan's name · the declaration's state */
  subtitle = g_strdup_printf (_("%s · %s"), zc_plan_get_name (self->plan),
                              zc_declaration_state_get_label (state, ZC_LANGUAGE_LOCALE));
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

/* Widgets → body for every step, then the body into the store. */
gboolean
zc_declaration_wizard_save (ZcDeclarationWizard  *self,
                            GError              **error)
{
  g_autoptr(ZcRecord) saved = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *time = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (ZC_IS_DECLARATION_WIZARD (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->declaration == NULL || !self->editable)
    return TRUE;

  zc_wizard_choose_store (self);
  zc_wizard_info_store (self);
  zc_wizard_summary_store (self);
  if (!zc_wizard_commitment_store (self, error))
    return FALSE;

  saved = zc_local_store_save_declaration (self->store, zc_record_get_id (self->declaration), self->body, error);
  if (saved == NULL)
    {
      gtk_label_set_label (self->status_label, _("Not saved"));
      return FALSE;
    }
  g_clear_pointer (&self->declaration, zc_record_unref);
  self->declaration = g_steal_pointer (&saved);

  now = g_date_time_new_now_local ();
  time = g_date_time_format (now, "%H:%M");
  /* Translators: %s is a time of day */
  text = g_strdup_printf (_("Draft saved at %s"), time);
  gtk_label_set_label (self->status_label, text);
  update_deadline_bar (self);
  return TRUE;
}

static gboolean
save_or_tell (ZcDeclarationWizard *self)
{
  g_autoptr(GError) error = NULL;

  if (zc_declaration_wizard_save (self, &error))
    return TRUE;
  {
    /* Translators: %s says why */
    g_autofree char *message = g_strdup_printf (_("The draft was not saved: %s"), error->message);
    zc_wizard_show_message (self, message);
  }
  return FALSE;
}

static void
show_page (ZcDeclarationWizard *self,
           int                  page)
{
  int named = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "zc-returned-step")) - 1;
  g_autofree char *title = NULL;

  self->page = page;
  if (page == ZC_WIZARD_PAGE_CHECK)
    zc_wizard_check_refresh (self);
  else if (page == ZC_WIZARD_PAGE_PREVIEW)
    zc_wizard_preview_refresh (self);
  else if (page == ZC_WIZARD_PAGE_SUBMIT)
    zc_wizard_submit_refresh (self);

  gtk_stack_set_visible_child (self->stack, self->pages[page]);
  /* Translators: a page title: its number of ten, then its name */
  title = g_strdup_printf (_("%d/%d %s"), page + 1, ZC_WIZARD_N_PAGES, page_label (page));
  gtk_label_set_label (self->page_title, title);
  gtk_widget_set_visible (GTK_WIDGET (self->page_note), page == named && self->declaration != NULL);
  if (page == named)
    {
      /* Translators: %s is the reviewer's comment */
      g_autofree char *note = g_strdup_printf (_("The reviewer asks for changes here: %s"),
                                               zc_record_get_review_comment (self->declaration));
      gtk_label_set_label (self->page_note, note);
    }

  gtk_list_box_select_row (self->step_list, GTK_LIST_BOX_ROW (self->step_rows[page]));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.previous", page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next", page + 1 < ZC_WIZARD_N_PAGES);
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

int
zc_declaration_wizard_get_page (ZcDeclarationWizard *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_WIZARD (self), 0);
  return self->page;
}

void
zc_declaration_wizard_set_page (ZcDeclarationWizard *self,
                                int                  page)
{
  g_return_if_fail (ZC_IS_DECLARATION_WIZARD (self));
  g_return_if_fail (page >= 0 && page < ZC_WIZARD_N_PAGES);

  if (page != self->page)
    save_or_tell (self);
  show_page (self, page);
}

static void
on_row_selected (GtkListBox          *list,
                 GtkListBoxRow       *row,
                 ZcDeclarationWizard *self)
{
  int page;

  if (row == NULL || self->loading)
    return;
  page = gtk_list_box_row_get_index (row);
  if (page != self->page)
    zc_declaration_wizard_set_page (self, page);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ZcDeclarationWizard *self = ZC_DECLARATION_WIZARD (widget);
  int page = self->page + (g_str_equal (action_name, "wizard.next") ? 1 : -1);

  if (page >= 0 && page < ZC_WIZARD_N_PAGES)
    zc_declaration_wizard_set_page (self, page);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save_or_tell (ZC_DECLARATION_WIZARD (widget));
}

static void
steps_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ZcDeclarationWizard *self = ZC_DECLARATION_WIZARD (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
  if (adw_flap_get_reveal_flap (self->flap))
    gtk_widget_grab_focus (self->step_rows[self->page]);
}

/* Closing saves; an edit that cannot be saved keeps the window open. */
static gboolean
zc_declaration_wizard_close_request (GtkWindow *window)
{
  ZcDeclarationWizard *self = ZC_DECLARATION_WIZARD (window);

  if (!self->closing && !save_or_tell (self))
    {
      /* a second try closes: the saved draft stays as it was */
      self->closing = TRUE;
      return TRUE;
    }
  g_cancellable_cancel (self->pages_cancellable);
  return GTK_WINDOW_CLASS (zc_declaration_wizard_parent_class)->close_request (window);
}

static GtkWidget *
make_step_row (int page)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  g_autofree char *number = g_strdup_printf ("%d", page + 1);
  GtkWidget *number_label = gtk_label_new (number);
  GtkWidget *label = gtk_label_new (page_label (page));
  GtkWidget *mark = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_add_css_class (number_label, "dim-label");
  gtk_widget_add_css_class (number_label, "numeric");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_visible (mark, FALSE);
  gtk_widget_set_tooltip_text (mark, _("The reviewer asks for changes in this step"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The reviewer asks for changes in this step"), -1);
  gtk_widget_add_css_class (mark, "warning");
  gtk_box_append (GTK_BOX (box), number_label);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), mark);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "zc-mark", mark);
  return row;
}

static void
on_store_changed (ZcDeclarationWizard *self,
                  const char          *id,
                  const char          *kind)
{
  g_autoptr(ZcRecord) fresh = NULL;

  if (self->declaration == NULL || g_strcmp0 (id, zc_record_get_id (self->declaration)) != 0)
    return;
  /* a pull changed the state or the comment: show it (the body is ours) */
  fresh = zc_local_store_get_declaration (self->store, id, NULL);
  if (fresh == NULL)
    return;
  zc_record_set_review_comment (self->declaration, zc_record_get_review_comment (fresh));
  zc_record_set_state (self->declaration, zc_record_get_state (fresh));
  zc_record_set_version (self->declaration, zc_record_get_version (fresh));
  update_review_comment (self);
  update_title (self);
  update_deadline_bar (self);
}

static void
zc_declaration_wizard_dispose (GObject *object)
{
  ZcDeclarationWizard *self = ZC_DECLARATION_WIZARD (object);

  g_cancellable_cancel (self->pages_cancellable);
  g_clear_object (&self->pages_cancellable);
  if (self->photo_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->photo_chooser));
  g_clear_object (&self->photo_chooser);
  if (self->scan_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->scan_chooser));
  g_clear_object (&self->scan_chooser);
  if (self->attachment_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->attachment_chooser));
  g_clear_object (&self->attachment_chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZC_TYPE_DECLARATION_WIZARD);
  G_OBJECT_CLASS (zc_declaration_wizard_parent_class)->dispose (object);
}

static void
zc_declaration_wizard_finalize (GObject *object)
{
  ZcDeclarationWizard *self = ZC_DECLARATION_WIZARD (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->plan, zc_plan_unref);
  g_clear_pointer (&self->declaration, zc_record_unref);
  g_clear_pointer (&self->body, json_object_unref);
  g_clear_pointer (&self->archive, g_ptr_array_unref);
  g_clear_pointer (&self->personal_info, zc_record_unref);
  g_clear_pointer (&self->photo, zc_record_unref);
  g_clear_pointer (&self->check_items, g_ptr_array_unref);
  g_clear_pointer (&self->method_keys, g_ptr_array_unref);
  g_free (self->unit_id);
  g_free (self->unit_region_code);
  g_free (self->chooser_requirement);
  G_OBJECT_CLASS (zc_declaration_wizard_parent_class)->finalize (object);
}

static void
zc_declaration_wizard_class_init (ZcDeclarationWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = zc_declaration_wizard_dispose;
  object_class->finalize = zc_declaration_wizard_finalize;
  window_class->close_request = zc_declaration_wizard_close_request;

  /**
   * ZcDeclarationWizard::archive-requested:
   * @form_id: the archive category to add an entry to
   */
  signals[ARCHIVE_REQUESTED] = g_signal_new ("archive-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/zc-declaration-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, ZcDeclarationWizard, window_title);
  gtk_widget_class_bind_template_child (widget_class, ZcDeclarationWizard, toasts);
  gtk_widget_class_bind_template_child (widget_class, ZcDeclarationWizard, flap);
  gtk_widget_class_bind_template_child (widget_class, ZcDeclarationWizard, steps_toggle);
  gtk_widget_class_bind_template_child (widget_class, ZcDeclarationWizard, step_list);
  gtk_widget_class_bind_template_child (widget_class, ZcDeclarationWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, ZcDeclarationWizard, page_title);
  gtk_widget_class_bind_template_child (widget_class, ZcDeclarationWizard, page_note);
  gtk_widget_class_bind_template_child (widget_class, ZcDeclarationWizard, comment_revealer);
  gtk_widget_class_bind_template_child (widget_class, ZcDeclarationWizard, comment_label);
  gtk_widget_class_bind_template_child (widget_class, ZcDeclarationWizard, deadline_revealer);
  gtk_widget_class_bind_template_child (widget_class, ZcDeclarationWizard, deadline_label);
  gtk_widget_class_bind_template_child (widget_class, ZcDeclarationWizard, status_label);
  gtk_widget_class_bind_template_child (widget_class, ZcDeclarationWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, ZcDeclarationWizard, next_button);

  gtk_widget_class_install_action (widget_class, "wizard.previous", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "wizard.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "wizard.steps", NULL, steps_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "wizard.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "wizard.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "wizard.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "wizard.steps", NULL);
}

static void
zc_declaration_wizard_init (ZcDeclarationWizard *self)
{
  zc_style_ensure_loaded ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->pages_cancellable = g_cancellable_new ();
  g_object_bind_property (self->flap, "reveal-flap", self->steps_toggle, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_connect (self->step_list, "row-selected", G_CALLBACK (on_row_selected), self);
}

static GPtrArray *
load_archive (ZcLocalStore *store)
{
  g_autoptr(GHashTable) kinds = zc_local_store_count_by_kind (store, NULL);
  GPtrArray *archive = g_ptr_array_new_with_free_func ((GDestroyNotify) zc_record_unref);
  GHashTableIter iter;
  gpointer key;

  if (kinds == NULL)
    return archive;
  g_hash_table_iter_init (&iter, kinds);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autoptr(GPtrArray) records = NULL;

      if (zc_local_store_kind_get_form_id (key) == NULL)
        continue;
      records = zc_local_store_list_records (store, key, NULL);
      for (guint i = 0; records != NULL && i < records->len; i++)
        g_ptr_array_add (archive, zc_record_ref (g_ptr_array_index (records, i)));
    }
  return archive;
}

/* The declaration to edit: the one asked for, the plan's live one, or
 * a new draft. */
static ZcRecord *
open_declaration (ZcLocalStore  *store,
                  ZcPlan        *plan,
                  const char    *declaration_id,
                  GError       **error)
{
  ZcRecord *record;

  if (declaration_id != NULL)
    return zc_local_store_get_declaration (store, declaration_id, error);
  record = zc_local_store_find_declaration_for_plan (store, zc_plan_get_id (plan), error);
  if (record != NULL || (error != NULL && *error != NULL))
    return record;
  return zc_local_store_create_declaration (store, zc_plan_get_id (plan), zc_plan_get_version (plan), error);
}

static void
add_page (ZcDeclarationWizard *self,
          int                  page,
          GtkWidget           *widget)
{
  self->pages[page] = widget;
  gtk_stack_add_child (self->stack, widget);
  self->step_rows[page] = make_step_row (page);
  gtk_list_box_append (self->step_list, self->step_rows[page]);
}

/**
 * zc_declaration_wizard_new:
 * @plan: the plan declared to
 * @declaration_id: (nullable): a declaration of @store to open; %NULL
 *   opens the plan's live declaration, or creates a draft
 */
ZcDeclarationWizard *
zc_declaration_wizard_new (GtkWindow    *parent,
                           ZcLocalStore *store,
                           ZcPlan       *plan,
                           const char   *declaration_id)
{
  ZcDeclarationWizard *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ZC_IS_LOCAL_STORE (store), NULL);
  g_return_val_if_fail (plan != NULL, NULL);

  self = g_object_new (ZC_TYPE_DECLARATION_WIZARD, NULL);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
    }
  self->store = g_object_ref (store);
  self->plan = zc_plan_ref (plan);
  self->loading = TRUE;

  self->declaration = open_declaration (store, plan, declaration_id, &error);
  if (self->declaration != NULL)
    {
      self->body = zc_json_object_copy_deep (zc_record_get_body (self->declaration));
      self->editable = zc_local_store_declaration_is_editable (store, self->declaration);
    }
  else
    {
      g_warning ("The declaration could not be opened: %s", error->message);
      self->body = json_object_new ();
      json_object_set_string_member (self->body, "plan_id", zc_plan_get_id (plan));
      json_object_set_int_member (self->body, "plan_version", zc_plan_get_version (plan));
    }
  self->archive = load_archive (store);
  self->personal_info = zc_local_store_get_personal_info (store, NULL);
  self->photo = zc_local_store_get_photo (store, NULL);

  gtk_window_set_title (GTK_WINDOW (self), _("Declaration"));
  add_page (self, ZC_DECLARATION_STEP_CHOOSE, zc_wizard_choose_build (self));
  add_page (self, ZC_DECLARATION_STEP_PHOTO, zc_wizard_photo_build (self));
  add_page (self, ZC_DECLARATION_STEP_COMMITMENT, zc_wizard_commitment_build (self));
  add_page (self, ZC_DECLARATION_STEP_INFO, zc_wizard_info_build (self));
  add_page (self, ZC_DECLARATION_STEP_SUMMARY, zc_wizard_summary_build (self));
  add_page (self, ZC_DECLARATION_STEP_ACHIEVEMENTS, zc_wizard_achievements_build (self));
  add_page (self, ZC_DECLARATION_STEP_ATTACHMENTS, zc_wizard_attachments_build (self));
  add_page (self, ZC_WIZARD_PAGE_CHECK, zc_wizard_check_build (self));
  add_page (self, ZC_WIZARD_PAGE_PREVIEW, zc_wizard_preview_build (self));
  add_page (self, ZC_WIZARD_PAGE_SUBMIT, zc_wizard_submit_build (self));

  zc_wizard_choose_load (self);
  zc_wizard_photo_load (self);
  zc_wizard_commitment_load (self);
  zc_wizard_info_load (self);
  zc_wizard_summary_load (self);
  zc_wizard_achievements_load (self);
  zc_wizard_attachments_load (self);

  update_title (self);
  update_review_comment (self);
  update_deadline_bar (self);
  if (!self->editable)
    gtk_label_set_label (self->status_label, self->declaration != NULL ? _("Read only") : _("Not saved"));
  show_page (self, 0);
  self->loading = FALSE;

  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  return self;
}

void
zc_declaration_wizard_set_unit (ZcDeclarationWizard *self,
                                const char          *unit_id,
                                const char          *unit_region_code)
{
  g_return_if_fail (ZC_IS_DECLARATION_WIZARD (self));

  g_free (self->unit_id);
  g_free (self->unit_region_code);
  self->unit_id = g_strdup (unit_id);
  self->unit_region_code = g_strdup (unit_region_code);
}

const char *
zc_declaration_wizard_get_declaration_id (ZcDeclarationWizard *self)
{
  g_return_val_if_fail (ZC_IS_DECLARATION_WIZARD (self), NULL);
  return self->declaration != NULL ? zc_record_get_id (self->declaration) : NULL;
}

GtkWidget *
zc_declaration_wizard_get_widget (ZcDeclarationWizard *self,
                                  const char          *name)
{
  const struct { const char *name; gpointer widget; } widgets[] = {
    { "method", self->method_drop },
    { "title", self->title_drop },
    { "title-picker", self->title_picker },
    { "declaration-category", self->category_drop },
    { "special-person", self->special_switch },
    { "years", self->years_spin },
    { "signature-pad", self->signature_pad },
    { "summary", self->summary_view },
    { "education", self->education_drop },
    { "info-form", self->info_form },
    { "pdf-view", self->pdf_view },
    { "submit", self->submit_button },
    { "step-list", self->step_list },
    { "next", self->next_button },
    { "back", self->back_button },
  };

  g_return_val_if_fail (ZC_IS_DECLARATION_WIZARD (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    if (g_str_equal (widgets[i].name, name))
      return widgets[i].widget;
  return NULL;
}

/* The achievements step's "add in the archive". */
void
zc_wizard_request_archive (ZcDeclarationWizard *self,
                           const char          *form_id)
{
  g_signal_emit (self, signals[ARCHIVE_REQUESTED], 0, form_id);
}
